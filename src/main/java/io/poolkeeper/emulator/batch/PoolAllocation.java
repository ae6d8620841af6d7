package io.poolkeeper.emulator.batch;

import io.poolkeeper.emulator.ResizeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A pool's allocation state and how it moves on the clock. A resize moves each node kind towards
 * its target at a fixed rate; it ends at the first of: reaching the target (or a quota cap, with
 * the quota error), an injected failure, the pool's image being unusable while nodes are being
 * added (gone, or not replicated to the account's region: {@code AllocationFailed}), or the resize
 * timeout ({@code AllocationTimedout}). A stop request freezes the counts and, after {@link
 * #STOP_DURATION}, ends with {@code ResizeStopped}.
 *
 * <p>Everything is a pure function of the resize's start and the time asked about, so evaluating at
 * any moment, as often as wanted, gives the same answers.
 */
record PoolAllocation(
    String state,
    Instant since,
    int dedicated,
    int lowPriority,
    ResizeOperation resize,
    List<ResizeError> errors) {

  /** The pool's image could not be used for new nodes from {@code since} on, with this error. */
  record ImageOutage(Instant since, ResizeError error) {}

  static final String STEADY = "Steady";
  static final String RESIZING = "Resizing";
  static final String STOPPING = "Stopping";

  /** How long a pool stays Stopping after stopResize. */
  static final Duration STOP_DURATION = Duration.ofMinutes(1);

  PoolAllocation {
    errors = List.copyOf(errors);
  }

  static PoolAllocation steady(Instant since) {
    return new PoolAllocation(STEADY, since, 0, 0, null, List.of());
  }

  /** The pool moves towards new targets from its current counts; earlier errors are cleared. */
  PoolAllocation startResize(ResizeOperation operation) {
    return new PoolAllocation(
        RESIZING,
        operation.startTime(),
        operation.fromDedicated(),
        operation.fromLowPriority(),
        operation,
        List.of());
  }

  /** The targets are the current counts already: the resize completes at once. */
  PoolAllocation completeImmediately(ResizeOperation operation) {
    return new PoolAllocation(
        STEADY,
        operation.startTime(),
        operation.fromDedicated(),
        operation.fromLowPriority(),
        operation,
        List.of());
  }

  PoolAllocation stop(Instant now, double nodesPerMinute) {
    return new PoolAllocation(
        STOPPING,
        now,
        dedicatedAt(now, nodesPerMinute),
        lowPriorityAt(now, nodesPerMinute),
        resize.stoppedAt(now),
        List.of());
  }

  int dedicatedAt(Instant now, double nodesPerMinute) {
    if (!state.equals(RESIZING)) {
      return dedicated;
    }
    return move(
        resize.fromDedicated(),
        resize.reachableDedicated(),
        nodesPerMinute,
        elapsed(resize.startTime(), now));
  }

  int lowPriorityAt(Instant now, double nodesPerMinute) {
    if (!state.equals(RESIZING)) {
      return lowPriority;
    }
    return move(
        resize.fromLowPriority(),
        resize.reachableLowPriority(),
        nodesPerMinute,
        elapsed(resize.startTime(), now));
  }

  /**
   * The state at {@code now}.
   *
   * @param imageOutage since when and why the pool's image cannot be used, or {@code null}
   */
  /** Whether {@link #advance} can change anything: a resize is running or being stopped. */
  boolean changesOverTime() {
    return state.equals(RESIZING) || state.equals(STOPPING);
  }

  PoolAllocation advance(Instant now, ImageOutage imageOutage, double nodesPerMinute) {
    if (state.equals(STOPPING)) {
      Instant stopped = resize.stopRequestedAt().plus(STOP_DURATION);
      if (now.isBefore(stopped)) {
        return this;
      }
      return new PoolAllocation(
          STEADY, stopped, dedicated, lowPriority, resize, List.of(ResizeError.stopped()));
    }
    if (!state.equals(RESIZING)) {
      return this;
    }
    End end = firstEnd(imageOutage, nodesPerMinute);
    if (end.at().isAfter(now)) {
      return this;
    }
    return new PoolAllocation(
        STEADY,
        end.at(),
        dedicatedAt(end.at(), nodesPerMinute),
        lowPriorityAt(end.at(), nodesPerMinute),
        resize,
        end.error() == null ? List.of() : List.of(end.error()));
  }

  private record End(Instant at, ResizeError error) {}

  private End firstEnd(ImageOutage imageOutage, double nodesPerMinute) {
    Instant start = resize.startTime();
    int dedicatedMoves = Math.abs(resize.reachableDedicated() - resize.fromDedicated());
    int lowPriorityMoves = Math.abs(resize.reachableLowPriority() - resize.fromLowPriority());
    List<End> ends = new ArrayList<>();
    // Listed in the order that wins a tie.
    ends.add(
        new End(
            start.plus(timeToMove(Math.max(dedicatedMoves, lowPriorityMoves), nodesPerMinute)),
            capError()));
    ResizeFailure injected = resize.injectedFailure();
    if (injected != null) {
      int moves = Math.min(injected.afterNodes(), Math.max(dedicatedMoves, lowPriorityMoves));
      ends.add(
          new End(start.plus(timeToMove(moves, nodesPerMinute)), ResizeError.injected(injected)));
    }
    if (imageOutage != null && resize.grows()) {
      Instant failedAt = imageOutage.since().isAfter(start) ? imageOutage.since() : start;
      ends.add(new End(failedAt, imageOutage.error()));
    }
    Instant timeoutAt = start.plus(resize.timeout());
    boolean dedicatedShort = dedicatedAt(timeoutAt, nodesPerMinute) != resize.reachableDedicated();
    ends.add(new End(timeoutAt, ResizeError.timedOut(dedicatedShort)));
    return ends.stream().min(Comparator.comparing(End::at)).orElseThrow();
  }

  private ResizeError capError() {
    if (resize.reachableDedicated() < resize.targetDedicated()) {
      return resize.dedicatedCapError();
    }
    if (resize.reachableLowPriority() < resize.targetLowPriority()) {
      return resize.lowPriorityCapError();
    }
    return null;
  }

  static int move(int from, int to, double nodesPerMinute, Duration elapsed) {
    long moved = (long) Math.floor(nodesPerMinute * elapsed.toMillis() / 60_000.0);
    if (from < to) {
      return (int) Math.min(to, from + moved);
    }
    return (int) Math.max(to, from - moved);
  }

  static Duration timeToMove(int nodes, double nodesPerMinute) {
    return Duration.ofMillis((long) Math.ceil(nodes * 60_000.0 / nodesPerMinute));
  }

  private static Duration elapsed(Instant start, Instant now) {
    return now.isAfter(start) ? Duration.between(start, now) : Duration.ZERO;
  }
}
