package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolResizeError;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.batchpool.ResizeDecision.Outcome;
import io.poolkeeper.batchpool.ResizeDecision.Resize;
import io.poolkeeper.batchpool.ResizeDecision.Settled;
import io.poolkeeper.batchpool.ResizeDecision.Stalled;
import io.poolkeeper.batchpool.ResizeDecision.StopResize;
import io.poolkeeper.batchpool.ResizeDecision.Wait;
import io.poolkeeper.batchpool.ResizeDecision.Wanted;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.policy.ResizeBackoff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeping a fixed pool at its target, without servers (DESIGN.md "Resizing until the target";
 * DOMAIN.md on Batch's resize errors, which belong to the resize that started at startTime).
 */
class ResizeDecisionTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration LONG = Duration.ofMinutes(30);
  private static final Wanted FIFTY = new Wanted(50, 0, Duration.ofMinutes(15), "Requeue");
  private static final ResizeBackoff BACKOFF =
      new ResizeBackoff(3, Duration.ofMinutes(1), Duration.ofMinutes(4));

  @Test
  void aNewTargetOnASteadyPoolIsSent() {
    Outcome outcome = decide(pool("Steady", 10, 10, NOW.minusSeconds(600), List.of()), null, null);

    assertThat(outcome.step()).isEqualTo(new Resize(FIFTY.settings()));
    assertThat(outcome.resize().getAttempts()).isZero();
  }

  @Test
  void aNewTargetWhileResizingStopsTheRunningResizeFirst() {
    Outcome outcome = decide(pool("Resizing", 10, 5, NOW.minusSeconds(60), List.of()), null, null);

    assertThat(outcome.step()).isInstanceOf(StopResize.class);
    assertThat(outcome.resize().getStopRequestedTime()).isEqualTo(NOW.toString());
  }

  @Test
  void errorsOfAResizeOlderThanTheLastRequestAreNotActedOn() {
    PoolInfo stale = pool("Steady", 50, 10, NOW.minusSeconds(600), List.of(timedOut()));

    Outcome outcome = decide(stale, null, NOW.minusSeconds(5));

    assertThat(outcome.step()).isInstanceOf(Wait.class);
    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void aResizePastItsTimeoutIsStoppedAndWithinItWaitedFor() {
    Instant started = NOW.minus(Duration.ofMinutes(20));
    assertThat(decide(pool("Resizing", 50, 20, started, List.of()), null, started).step())
        .isInstanceOf(StopResize.class);

    Instant recent = NOW.minus(Duration.ofMinutes(5));
    assertThat(decide(pool("Resizing", 50, 20, recent, List.of()), null, recent).step())
        .isEqualTo(new Wait(recent.plus(Duration.ofMinutes(16))));
  }

  @Test
  void aPoolAtItsTargetIsSettled() {
    Instant started = NOW.minusSeconds(600);
    assertThat(decide(pool("Steady", 50, 50, started, List.of()), null, started).step())
        .isInstanceOf(Settled.class);
  }

  @Test
  void aTimedOutResizeIsRetriedAfterBackoffAndCounted() {
    Instant started = NOW.minusSeconds(900);
    PoolInfo shortOfTarget = pool("Steady", 50, 32, started, List.of(timedOut()));

    Outcome first = decide(shortOfTarget, null, started);
    assertThat(first.step()).isEqualTo(new Wait(NOW.plus(Duration.ofMinutes(1))));
    assertThat(first.resize().getLastError().getCode()).isEqualTo("AllocationTimedout");

    Outcome due =
        ResizeDecision.decide(
            FIFTY,
            shortOfTarget,
            first.resize(),
            started,
            BACKOFF,
            true,
            LONG,
            NOW.plus(Duration.ofMinutes(1)));
    assertThat(due.step()).isEqualTo(new Resize(FIFTY.settings()));
    assertThat(due.resize().getAttempts()).isEqualTo(1);
    assertThat(due.notices()).extracting(Notice::reason).containsExactly("ResizeRetried");
  }

  @Test
  void theBackoffRunsFromWhenAzureEndedTheResizeNotFromWhenItWasSeen() {
    Instant started = NOW.minusSeconds(900);
    PoolInfo failedTenSecondsAgo =
        withTransition(pool("Steady", 50, 32, started, List.of(timedOut())), NOW.minusSeconds(10));

    assertThat(decide(failedTenSecondsAgo, null, started).step())
        .isEqualTo(new Wait(NOW.minusSeconds(10).plus(Duration.ofMinutes(1))));
    // A transition time ahead of this clock (skew) counts as now.
    assertThat(
            decide(withTransition(failedTenSecondsAgo, NOW.plusSeconds(30)), null, started).step())
        .isEqualTo(new Wait(NOW.plus(Duration.ofMinutes(1))));
  }

  private static PoolInfo withTransition(PoolInfo pool, Instant at) {
    return new PoolInfo(
        pool.id(),
        pool.name(),
        pool.etag(),
        pool.provisioningState(),
        pool.allocationState(),
        pool.currentDedicatedNodes(),
        pool.currentLowPriorityNodes(),
        pool.resizeStartTime(),
        pool.resizeErrors(),
        pool.settings(),
        at.atOffset(ZoneOffset.UTC));
  }

  @Test
  void quotaIsStalledAtOnceWithAzuresCodeAndTriedAgainAfterALongInterval() {
    Instant started = NOW.minusSeconds(900);
    PoolInfo quota =
        pool(
            "Steady",
            50,
            12,
            started,
            List.of(new PoolResizeError("AccountCoreQuotaReached", "The core quota is reached.")));

    Outcome first = decide(quota, null, started);
    assertThat(first.step()).isInstanceOf(Stalled.class);
    assertThat(((Stalled) first.step()).reason()).isEqualTo("AccountCoreQuotaReached");
    assertThat(first.notices()).hasSize(1);

    Outcome again =
        ResizeDecision.decide(
            FIFTY, quota, first.resize(), started, BACKOFF, true, LONG, NOW.plusSeconds(60));
    assertThat(again.step()).isInstanceOf(Stalled.class);
    assertThat(again.notices()).isEmpty();

    Outcome later =
        ResizeDecision.decide(
            FIFTY, quota, first.resize(), started, BACKOFF, true, LONG, NOW.plus(LONG));
    assertThat(later.step()).isEqualTo(new Resize(FIFTY.settings()));
  }

  @Test
  void afterMaxAttemptsThePoolIsStalled() {
    Instant started = NOW.minusSeconds(900);
    BatchPoolStatus.Resize tried = new BatchPoolStatus.Resize();
    tried.setAttempts(3);

    Outcome outcome =
        ResizeDecision.decide(
            FIFTY,
            pool("Steady", 50, 40, started, List.of(timedOut())),
            tried,
            started,
            BACKOFF,
            true,
            LONG,
            NOW);

    assertThat(outcome.step()).isInstanceOf(Stalled.class);
    assertThat(((Stalled) outcome.step()).reason()).isEqualTo("ResizeRetriesExhausted");
  }

  @Test
  void aResizeTheOperatorStoppedIsIssuedAgainAtOnce() {
    Instant started = NOW.minusSeconds(1200);
    BatchPoolStatus.Resize stopped = new BatchPoolStatus.Resize();
    stopped.setStopRequestedTime(NOW.minusSeconds(60).toString());

    Outcome outcome =
        ResizeDecision.decide(
            FIFTY,
            pool(
                "Steady",
                50,
                45,
                started,
                List.of(new PoolResizeError("ResizeStopped", "The resize was stopped."))),
            stopped,
            started,
            BACKOFF,
            true,
            LONG,
            NOW);

    assertThat(outcome.step()).isEqualTo(new Resize(FIFTY.settings()));
    assertThat(outcome.resize().getAttempts()).isEqualTo(1);
    assertThat(outcome.resize().getStopRequestedTime()).isNull();
  }

  @Test
  void anAllocationFailureWithoutTheImageNeedsAPerson() {
    Instant started = NOW.minusSeconds(900);
    Outcome outcome =
        ResizeDecision.decide(
            FIFTY,
            pool(
                "Steady",
                50,
                0,
                started,
                List.of(new PoolResizeError("AllocationFailed", "The image was not found."))),
            null,
            started,
            BACKOFF,
            false,
            LONG,
            NOW);

    assertThat(outcome.step()).isInstanceOf(Stalled.class);
  }

  private static Outcome decide(PoolInfo pool, BatchPoolStatus.Resize previous, Instant request) {
    return ResizeDecision.decide(FIFTY, pool, previous, request, BACKOFF, true, LONG, NOW);
  }

  private static PoolResizeError timedOut() {
    return new PoolResizeError("AllocationTimedout", "Desired number of nodes not reached.");
  }

  private static PoolInfo pool(
      String allocation, int target, int current, Instant started, List<PoolResizeError> errors) {
    return new PoolInfo(
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a/pools/p",
        "p",
        "W/\"1\"",
        "Succeeded",
        allocation,
        current,
        0,
        started.atOffset(ZoneOffset.UTC),
        errors,
        PoolSettings.basic(
            "STANDARD_D4S_V5",
            null,
            new FixedScaleSettings(target, 0, Duration.ofMinutes(15), null),
            null,
            1,
            Map.of()));
  }
}
