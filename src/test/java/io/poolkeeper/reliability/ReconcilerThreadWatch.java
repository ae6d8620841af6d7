package io.poolkeeper.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples the stacks of the in-process operator's reconciler threads while a campaign runs and
 * keeps every sample that shows one waiting for Azure beyond a single call: for a long-running
 * operation to finish (the SDK's pollers waiting for completion or the final result) or in a sleep.
 * A reconciler may wait for one HTTP answer, which the SDK's synchronous calls do by blocking on
 * their reactive pipeline (its retries of a failed call included); anything longer must be a
 * requeue, not a held thread.
 */
final class ReconcilerThreadWatch {

  private static final String POLLING = "com.azure.core.util.polling.";
  private static final List<String> WAITING_METHODS =
      List.of("waitForCompletion", "waitUntil", "getFinalResult");
  private static final String SLEEP = "java.lang.Thread.sleep";

  private final Thread sampler = new Thread(this::sampleUntilClosed, "reconciler-thread-watch");
  private final Set<String> waits = new LinkedHashSet<>();
  private volatile boolean closed;
  private long samples;

  ReconcilerThreadWatch() {
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sampleUntilClosed() {
    while (!closed) {
      sample(Thread.getAllStackTraces());
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized void sample(Map<Thread, StackTraceElement[]> stacks) {
    for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
      if (!entry.getKey().getName().startsWith("ReconcilerExecutor")) {
        continue;
      }
      samples++;
      StackTraceElement[] stack = entry.getValue();
      for (StackTraceElement frame : stack) {
        String where = frame.getClassName() + "." + frame.getMethodName();
        boolean polling =
            frame.getClassName().startsWith(POLLING)
                && WAITING_METHODS.contains(frame.getMethodName());
        if (polling || where.startsWith(SLEEP)) {
          waits.add(
              entry.getKey().getName() + " waited in " + where + " called from " + caller(stack));
          break;
        }
      }
    }
  }

  /** The first Poolkeeper frame of the stack: who waited. */
  private static String caller(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("io.poolkeeper.")) {
        return frame.toString();
      }
    }
    return "(no Poolkeeper frame)";
  }

  /** Each distinct wait seen, in words. */
  synchronized List<String> waits() {
    return new ArrayList<>(waits);
  }

  /** Reconciler thread stacks sampled. */
  synchronized long samples() {
    return samples;
  }

  /** Stops sampling; safe to call twice. */
  void stop() throws InterruptedException {
    closed = true;
    sampler.interrupt();
    sampler.join();
  }
}
