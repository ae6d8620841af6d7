package io.poolkeeper.emulator.batch;

import io.poolkeeper.emulator.ResizeFailure;
import java.time.Duration;
import java.time.Instant;

/**
 * One resize of a pool: where it started, where it is going, and what will stop it early. The caps
 * are the node counts the account's core quotas allow (never below the starting count); reaching a
 * cap below the target ends the resize with the cap's error.
 */
record ResizeOperation(
    Instant startTime,
    int fromDedicated,
    int fromLowPriority,
    int targetDedicated,
    int targetLowPriority,
    Duration timeout,
    String nodeDeallocationOption,
    int dedicatedCap,
    ResizeError dedicatedCapError,
    int lowPriorityCap,
    ResizeError lowPriorityCapError,
    ResizeFailure injectedFailure,
    String imageId,
    Instant stopRequestedAt) {

  /** Batch's default resize timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  ResizeOperation stoppedAt(Instant now) {
    return new ResizeOperation(
        startTime,
        fromDedicated,
        fromLowPriority,
        targetDedicated,
        targetLowPriority,
        timeout,
        nodeDeallocationOption,
        dedicatedCap,
        dedicatedCapError,
        lowPriorityCap,
        lowPriorityCapError,
        injectedFailure,
        imageId,
        now);
  }

  /** The dedicated count this resize can actually reach. */
  int reachableDedicated() {
    return targetDedicated > fromDedicated
        ? Math.min(targetDedicated, Math.max(dedicatedCap, fromDedicated))
        : targetDedicated;
  }

  int reachableLowPriority() {
    return targetLowPriority > fromLowPriority
        ? Math.min(targetLowPriority, Math.max(lowPriorityCap, fromLowPriority))
        : targetLowPriority;
  }

  boolean grows() {
    return targetDedicated > fromDedicated || targetLowPriority > fromLowPriority;
  }
}
