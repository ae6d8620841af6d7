package io.poolkeeper.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples the stacks of the in-process operator's reconciler threads while a campaign runs and
 * keeps every sample that shows one waiting for Azure beyond a single call: for a long-running
 * operation to finish (the SDK's pollers, {@code block}ing on one) or in a sleep. A reconciler may
 * wait for one HTTP answer (and the SDK's short backoff between two tries of a failed call, which
 * shows as {@code RetryPolicy}); anything longer must be a requeue, not a held thread.
 */
final class ReconcilerThreadWatch {

  private static final List<String> WAITING_ON_AZURE =
      List.of(
          "com.azure.core.util.polling.SyncPoller",
          "com.azure.core.util.polling.PollerFlux",
          "com.azure.core.util.polling.SimpleSyncPoller",
          "com.azure.core.util.polling.SyncOverAsyncPoller",
          "reactor.core.publisher.BlockingSingleSubscriber",
          "java.lang.Thread.sleep");
  private static final String SDK_RETRY = "com.azure.core.http.policy.RetryPolicy";

  private final Thread sampler = new Thread(this::sampleUntilClosed, "reconciler-thread-watch");
  private final Set<String> waits = new LinkedHashSet<>();
  private volatile boolean closed;
  private long samples;
  private long retryBackoffSamples;

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
      boolean inSdkRetry = false;
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith(SDK_RETRY)) {
          inSdkRetry = true;
        }
      }
      for (StackTraceElement frame : stack) {
        String where = frame.getClassName() + "." + frame.getMethodName();
        boolean waiting = WAITING_ON_AZURE.stream().anyMatch(where::startsWith);
        if (waiting && inSdkRetry && where.startsWith("java.lang.Thread.sleep")) {
          retryBackoffSamples++;
          break;
        }
        if (waiting) {
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

  /** Samples in the SDK's backoff between two tries of one failed call. */
  synchronized long retryBackoffSamples() {
    return retryBackoffSamples;
  }

  /** Stops sampling; safe to call twice. */
  void stop() throws InterruptedException {
    closed = true;
    sampler.interrupt();
    sampler.join();
  }
}
