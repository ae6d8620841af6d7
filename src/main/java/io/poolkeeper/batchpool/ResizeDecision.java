package io.poolkeeper.batchpool;

import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolResizeError;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.policy.ResizeBackoff;
import io.poolkeeper.policy.ResizeErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a fixed pool at its target (DESIGN.md "Resizing until the target", DOMAIN.md "Batch pool
 * behaviour"): resize when the target differs, only from Steady (a running resize is stopped
 * first); stop a resize that outlives its timeout and issue it again; after a resize that fell
 * short, resize again with backoff if the error heals by retrying, else stop and say why. Errors
 * are judged by the resize they belong to: one that started before the operator's last resize
 * request is history, not news.
 */
final class ResizeDecision {

  /** How far past its timeout a resize may run before the operator stops it. */
  static final Duration TIMEOUT_GRACE = Duration.ofMinutes(1);

  private ResizeDecision() {}

  /** The fixed targets the spec wants, with the effective timeout. */
  record Wanted(int dedicated, int lowPriority, Duration resizeTimeout, String deallocation) {

    FixedScaleSettings settings() {
      return new FixedScaleSettings(dedicated, lowPriority, resizeTimeout, deallocation);
    }
  }

  /** What to do about the pool's size now. */
  sealed interface Step {}

  /** The pool is at its target: nothing to do. */
  record Settled() implements Step {}

  /** Send these scale settings (a PATCH). */
  record Resize(FixedScaleSettings settings) implements Step {}

  /** Stop the running resize. */
  record StopResize() implements Step {}

  /** Nothing to send now; look again at {@code until} or sooner. */
  record Wait(Instant until) implements Step {}

  /** Needs a person; tried again after a long interval or a spec change. */
  record Stalled(String reason, String message) implements Step {}

  /** The step, the resize status after it, and the Events it is worth. */
  record Outcome(Step step, BatchPoolStatus.Resize resize, List<Notice> notices) {}

  /**
   * Decides the next step for a fixed pool.
   *
   * @param lastRequest when Azure started the operator's last resize request (the startTime it
   *     answered), or {@code null} if the operator has not asked for one
   * @param imagePresent whether the pool's image exists and is usable
   * @param longInterval after this long a Stalled resize is tried again anyway
   */
  static Outcome decide(
      Wanted wanted,
      PoolInfo pool,
      BatchPoolStatus.Resize previous,
      Instant lastRequest,
      ResizeBackoff backoff,
      boolean imagePresent,
      Duration longInterval,
      Instant now) {
    BatchPoolStatus.Resize resize = copy(previous);
    List<Notice> notices = new ArrayList<>();
    String state = Objects.toString(pool.allocationState(), "Steady");
    Instant started = instant(pool.resizeStartTime());
    boolean targetsMatch =
        pool.settings().scale() instanceof FixedScaleSettings fixed
            && fixed.targetDedicatedNodes() == wanted.dedicated()
            && fixed.targetLowPriorityNodes() == wanted.lowPriority();

    if (!targetsMatch) {
      if (state.equalsIgnoreCase("Resizing")) {
        return stopResize(resize, now, notices, "the target changed while the pool was resizing");
      }
      if (!state.equalsIgnoreCase("Steady")) {
        return new Outcome(new Wait(now), resize, notices);
      }
      resize.setAttempts(0);
      resize.setLastError(null);
      resize.setNextAttemptTime(null);
      resize.setStopRequestedTime(null);
      return new Outcome(new Resize(wanted.settings()), resize, notices);
    }

    boolean ourResizeSeen =
        lastRequest == null || (started != null && !started.isBefore(lastRequest));
    if (!ourResizeSeen) {
      // Azure's answer to the last request has not come round yet: its errors are the old ones.
      return new Outcome(new Wait(now), resize, notices);
    }
    if (state.equalsIgnoreCase("Resizing")) {
      Instant stopRequested = instant(resize.getStopRequestedTime());
      boolean stopAsked =
          stopRequested != null && started != null && !stopRequested.isBefore(started);
      Instant deadline =
          started == null ? null : started.plus(wanted.resizeTimeout()).plus(TIMEOUT_GRACE);
      if (!stopAsked && deadline != null && now.isAfter(deadline)) {
        return stopResize(
            resize, now, notices, "the resize ran past its timeout of " + wanted.resizeTimeout());
      }
      return new Outcome(new Wait(deadline == null ? now : deadline), resize, notices);
    }
    if (!state.equalsIgnoreCase("Steady")) {
      return new Outcome(new Wait(now), resize, notices);
    }
    // Steady with more nodes than the target is a shrink that fell short (a drain for a rollout
    // counts on reaching zero), so only equality is settled.
    if (pool.currentDedicatedNodes() == wanted.dedicated()
        && pool.currentLowPriorityNodes() == wanted.lowPriority()) {
      resize.setNextAttemptTime(null);
      resize.setStopRequestedTime(null);
      return new Outcome(new Settled(), resize, notices);
    }
    return shortOfTarget(
        wanted, pool, resize, started, backoff, imagePresent, longInterval, now, notices);
  }

  private static Outcome shortOfTarget(
      Wanted wanted,
      PoolInfo pool,
      BatchPoolStatus.Resize resize,
      Instant started,
      ResizeBackoff backoff,
      boolean imagePresent,
      Duration longInterval,
      Instant now,
      List<Notice> notices) {
    PoolResizeError error =
        pool.resizeErrors().isEmpty()
            ? new PoolResizeError(
                "Unknown", "The pool stopped short of its target without reporting an error.")
            : pool.resizeErrors().get(0);
    Instant stopRequested = instant(resize.getStopRequestedTime());
    boolean stoppedByUs =
        stopRequested != null && started != null && !stopRequested.isBefore(started);
    ResizeErrors.Verdict verdict = ResizeErrors.verdict(error.code(), imagePresent, stoppedByUs);
    String shortBy =
        pool.currentDedicatedNodes()
            + " of "
            + wanted.dedicated()
            + " dedicated and "
            + pool.currentLowPriorityNodes()
            + " of "
            + wanted.lowPriority()
            + " low-priority nodes";
    int attempts = resize.getAttempts() == null ? 0 : resize.getAttempts();
    if (verdict == ResizeErrors.Verdict.STOPPED_BY_US) {
      resize.setAttempts(attempts + 1);
      resize.setStopRequestedTime(null);
      notices.add(
          Notice.warning(
              "ResizeRetried",
              "Resizing again (attempt "
                  + (attempts + 1)
                  + ") after stopping a resize that ran"
                  + " past its timeout; the pool has "
                  + shortBy
                  + "."));
      return new Outcome(new Resize(wanted.settings()), resize, notices);
    }
    boolean newError =
        resize.getLastError() == null || !sameError(resize.getLastError(), error, started);
    if (newError) {
      resize.setLastError(lastError(error, started, now));
    }
    Instant errorTime = instant(resize.getLastError().getTime());
    boolean longIntervalPassed = errorTime != null && !now.isBefore(errorTime.plus(longInterval));
    if (verdict == ResizeErrors.Verdict.NEEDS_A_PERSON || !backoff.allows(attempts)) {
      if (longIntervalPassed) {
        resize.setAttempts(0);
        resize.setLastError(null);
        notices.add(
            Notice.normal(
                "ResizeRetried",
                "Trying the resize again after a long wait; the pool has " + shortBy + "."));
        return new Outcome(new Resize(wanted.settings()), resize, notices);
      }
      String message =
          verdict == ResizeErrors.Verdict.NEEDS_A_PERSON
              ? "The last resize failed with "
                  + error.code()
                  + ": "
                  + error.message()
                  + " The pool has "
                  + shortBy
                  + "; resizing again will not help until this is fixed."
              : "The pool has "
                  + shortBy
                  + " after "
                  + attempts
                  + " resizes (last error "
                  + error.code()
                  + ": "
                  + error.message()
                  + "). Raise spec.resizeRecovery.maxAttempts or change the spec to try again.";
      if (newError) {
        notices.add(
            Notice.warning(
                verdict == ResizeErrors.Verdict.NEEDS_A_PERSON
                    ? error.code()
                    : "ResizeRetriesExhausted",
                message));
      }
      resize.setNextAttemptTime(null);
      return new Outcome(
          new Stalled(
              verdict == ResizeErrors.Verdict.NEEDS_A_PERSON
                  ? error.code()
                  : "ResizeRetriesExhausted",
              message),
          resize,
          notices);
    }
    Instant next = instant(resize.getNextAttemptTime());
    if (next == null) {
      // The backoff runs from the failure, not from when this operator saw it: seeing it one poll
      // later must not push the retry a poll later too.
      next = failedAt(pool, now).plus(backoff.before(attempts + 1));
      resize.setNextAttemptTime(timestamp(next));
    }
    if (now.isBefore(next)) {
      return new Outcome(new Wait(next), resize, notices);
    }
    resize.setAttempts(attempts + 1);
    resize.setNextAttemptTime(null);
    notices.add(
        Notice.warning(
            "ResizeRetried",
            "Resizing again (attempt "
                + (attempts + 1)
                + " of "
                + backoff.maxAttempts()
                + ") after "
                + error.code()
                + ": "
                + error.message()
                + " The pool has "
                + shortBy
                + "."));
    return new Outcome(new Resize(wanted.settings()), resize, notices);
  }

  private static Outcome stopResize(
      BatchPoolStatus.Resize resize, Instant now, List<Notice> notices, String why) {
    resize.setStopRequestedTime(timestamp(now));
    notices.add(Notice.normal("ResizeStopping", "Stopping the running resize: " + why + "."));
    return new Outcome(new StopResize(), resize, notices);
  }

  private static boolean sameError(
      BatchPoolStatus.ResizeError previous, PoolResizeError error, Instant started) {
    return Objects.equals(previous.getCode(), error.code())
        && Objects.equals(previous.getMessage(), error.message())
        && started != null
        && previous.getTime() != null
        && !instant(previous.getTime()).isBefore(started);
  }

  private static BatchPoolStatus.ResizeError lastError(
      PoolResizeError error, Instant started, Instant now) {
    BatchPoolStatus.ResizeError last = new BatchPoolStatus.ResizeError();
    last.setCode(error.code());
    last.setMessage(error.message());
    last.setTime(timestamp(started != null && started.isAfter(now) ? started : now));
    return last;
  }

  private static BatchPoolStatus.Resize copy(BatchPoolStatus.Resize previous) {
    BatchPoolStatus.Resize resize = new BatchPoolStatus.Resize();
    if (previous != null) {
      resize.setAttempts(previous.getAttempts());
      resize.setLastError(previous.getLastError());
      resize.setNextAttemptTime(previous.getNextAttemptTime());
      resize.setStopRequestedTime(previous.getStopRequestedTime());
    }
    return resize;
  }

  /**
   * When the resize that left the pool short ended, as Azure reports it; {@code now} when it does
   * not say, or says a time ahead of this clock.
   */
  static Instant failedAt(PoolInfo pool, Instant now) {
    Instant ended = instant(pool.allocationStateTransitionTime());
    return ended == null || ended.isAfter(now) ? now : ended;
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  static Instant instant(String rfc3339) {
    return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339).toInstant();
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
