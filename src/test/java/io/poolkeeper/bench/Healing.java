package io.poolkeeper.bench;

import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.ResizeRecovery;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.policy.ResizeBackoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark 3: pools whose first resize Azure ends with a retryable {@code AllocationTimedout}; for
 * each, the simulated time from that failure to the resize the operator issues again, less the
 * backoff its {@code resizeRecovery} asks for, in busy poll intervals (the pace at which a resizing
 * pool is looked at). Times come from what a user sees in status: the resize start times ({@code
 * lastAppliedScale.time}, as Azure answered them; the failure is injected at the first resize's
 * start) and the attempts made when the operator began to wait ({@code resize.attempts}).
 */
final class Healing {

  static final String RUN = "heal";
  static final int NODES = 2;

  /**
   * @param beyondBackoff per pool: failure to re-issued resize less the backoff, in busy intervals
   * @param backoffIntervals the longest backoff resizeRecovery asked for, in intervals
   */
  record Result(int pools, List<Double> beyondBackoff, double backoffIntervals) {

    double median() {
      List<Double> sorted = new ArrayList<>(beyondBackoff);
      Collections.sort(sorted);
      return sorted.get(sorted.size() / 2);
    }

    double worst() {
      return Collections.max(beyondBackoff);
    }
  }

  /** What the status showed of one pool's resizes. */
  private static final class Seen {
    final List<Instant> starts = new ArrayList<>();
    Integer attemptsWhenWaiting;
  }

  private final BenchWorld world;

  Healing(BenchWorld world) {
    this.world = world;
  }

  Result measure(int pools) throws InterruptedException {
    List<BatchAccountRef> accounts = world.addAccounts(RUN + "a", Math.max(1, pools / 10));
    for (int i = 0; i < pools; i++) {
      PoolRef ref = new PoolRef(accounts.get(i % accounts.size()), Convergence.name(RUN, i));
      // Fails as soon as the resize the create starts is looked at: the failure is the start.
      world
          .emulator
          .admin()
          .failNextResize(
              new ResizeFailure(
                  ref.resourceId(),
                  "AllocationTimedout",
                  "Desired number of dedicated nodes could not be allocated",
                  0));
    }
    Map<String, Seen> seen = new ConcurrentHashMap<>();
    world.startOperator(RUN);
    try (ReadyWatch watch =
        ReadyWatch.start(world.client, world.namespace, RUN, pools, pool -> record(seen, pool))) {
      world.applyAll(
          world.namespace,
          pools,
          i ->
              BenchWorld.pool(
                  RUN, Convergence.name(RUN, i), accounts.get(i % accounts.size()), NODES));
      watch.awaitAllReady(Duration.ofMinutes(5));
    }
    Duration busy = BenchWorld.simulated(world.settings().busyPoll(), world.plan.timeScale());
    ResizeBackoff recovery = recoveryOf(world.pools(RUN).get(0));
    List<Double> beyond = new ArrayList<>();
    Duration backoff = null;
    for (Map.Entry<String, Seen> pool : seen.entrySet()) {
      Seen each = pool.getValue();
      if (each.starts.size() < 2 || each.attemptsWhenWaiting == null) {
        throw new IllegalStateException(
            "BatchPool "
                + pool.getKey()
                + " was Ready without a failed resize, a backoff and a second resize: starts "
                + each.starts
                + ", attempts when waiting "
                + each.attemptsWhenWaiting);
      }
      Duration chosen = recovery.before(each.attemptsWhenWaiting + 1);
      backoff = backoff == null || chosen.compareTo(backoff) > 0 ? chosen : backoff;
      Duration latency = Duration.between(each.starts.get(0), each.starts.get(1));
      beyond.add(intervals(latency.minus(chosen), busy));
    }
    if (beyond.size() != pools) {
      throw new IllegalStateException(
          "saw the resizes of " + beyond.size() + " of " + pools + " pools");
    }
    return new Result(pools, beyond, intervals(backoff, busy));
  }

  /** Each distinct resize start time a pool's status shows, in order, and its first backoff. */
  private static void record(Map<String, Seen> seen, BatchPool pool) {
    BatchPoolStatus status = pool.getStatus();
    if (status == null) {
      return;
    }
    Seen each = seen.computeIfAbsent(pool.getMetadata().getName(), name -> new Seen());
    synchronized (each) {
      if (status.getLastAppliedScale() != null && status.getLastAppliedScale().getTime() != null) {
        Instant time = Instant.parse(status.getLastAppliedScale().getTime());
        if (each.starts.isEmpty() || !each.starts.get(each.starts.size() - 1).equals(time)) {
          each.starts.add(time);
        }
      }
      if (each.attemptsWhenWaiting == null
          && status.getResize() != null
          && status.getResize().getNextAttemptTime() != null) {
        Integer attempts = status.getResize().getAttempts();
        each.attemptsWhenWaiting = attempts == null ? 0 : attempts;
      }
    }
  }

  /** The pools' {@code resizeRecovery} (the example's: every field set). */
  private static ResizeBackoff recoveryOf(BatchPool pool) {
    ResizeRecovery recovery = pool.getSpec().getResizeRecovery();
    return new ResizeBackoff(
        recovery.getMaxAttempts(),
        Duration.parse(recovery.getInitialBackoff()),
        Duration.parse(recovery.getMaxBackoff()));
  }

  private static double intervals(Duration duration, Duration interval) {
    return (double) duration.toMillis() / interval.toMillis();
  }
}
