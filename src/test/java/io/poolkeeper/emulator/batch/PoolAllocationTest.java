package io.poolkeeper.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.emulator.ResizeFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The resize state machine on its own: a pure function of the resize and the time asked about. */
class PoolAllocationTest {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final double RATE = 10;

  @Test
  void countsMoveAtTheRateAndStopAtTheTarget() {
    PoolAllocation resizing = PoolAllocation.steady(START).startResize(resize(0, 25, 1000, null));

    assertThat(resizing.dedicatedAt(START.plusSeconds(90), RATE)).isEqualTo(15);
    assertThat(resizing.advance(START.plusSeconds(149), null, RATE).state()).isEqualTo("Resizing");
    PoolAllocation steady = resizing.advance(START.plusSeconds(150), null, RATE);
    assertThat(steady.state()).isEqualTo("Steady");
    assertThat(steady.dedicated()).isEqualTo(25);
    assertThat(steady.since()).isEqualTo(START.plusSeconds(150));
    assertThat(steady.errors()).isEmpty();
  }

  @Test
  void evaluatingOftenOrRarelyGivesTheSameResult() {
    PoolAllocation resizing = PoolAllocation.steady(START).startResize(resize(0, 100, 30, null));

    PoolAllocation stepwise = resizing;
    for (int minute = 1; minute <= 20; minute++) {
      stepwise = stepwise.advance(START.plus(Duration.ofMinutes(minute)), null, RATE);
    }
    PoolAllocation once = resizing.advance(START.plus(Duration.ofMinutes(20)), null, RATE);

    assertThat(stepwise).isEqualTo(once);
    assertThat(once.dedicated()).isEqualTo(30);
    assertThat(once.errors().get(0).code()).isEqualTo("AccountCoreQuotaReached");
  }

  @Test
  void aMissingImageEndsAGrowingResizeWhenItWentMissing() {
    PoolAllocation resizing = PoolAllocation.steady(START).startResize(resize(0, 100, 1000, null));

    PoolAllocation.ImageOutage outage =
        new PoolAllocation.ImageOutage(
            START.plus(Duration.ofMinutes(3)), ResizeError.imageMissing("/subscriptions/s/i"));

    PoolAllocation failed = resizing.advance(START.plus(Duration.ofMinutes(8)), outage, RATE);

    assertThat(failed.state()).isEqualTo("Steady");
    assertThat(failed.dedicated()).isEqualTo(30);
    assertThat(failed.errors().get(0).code()).isEqualTo("AllocationFailed");
  }

  @Test
  void theTimeoutWinsOverASlowTarget() {
    PoolAllocation resizing = PoolAllocation.steady(START).startResize(resize(0, 1000, 1000, null));

    PoolAllocation timedOut = resizing.advance(START.plus(Duration.ofHours(1)), null, RATE);

    assertThat(timedOut.since()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    assertThat(timedOut.dedicated()).isEqualTo(150);
    assertThat(timedOut.errors().get(0).code()).isEqualTo("AllocationTimedout");
  }

  @Test
  void anInjectedFailureStopsAfterItsNodes() {
    ResizeFailure failure = new ResizeFailure("/subscriptions/s", "Unknown", null, 5);
    PoolAllocation resizing =
        PoolAllocation.steady(START).startResize(resize(0, 100, 1000, failure));

    PoolAllocation failed = resizing.advance(START.plus(Duration.ofMinutes(10)), null, RATE);

    assertThat(failed.dedicated()).isEqualTo(5);
    assertThat(failed.errors().get(0).code()).isEqualTo("Unknown");
  }

  @Test
  void stoppingFreezesTheCountsAndEndsWithResizeStopped() {
    PoolAllocation resizing = PoolAllocation.steady(START).startResize(resize(0, 100, 1000, null));

    PoolAllocation stopping = resizing.stop(START.plus(Duration.ofMinutes(2)), RATE);
    assertThat(stopping.state()).isEqualTo("Stopping");
    assertThat(stopping.advance(START.plusSeconds(170), null, RATE).state()).isEqualTo("Stopping");

    PoolAllocation stopped = stopping.advance(START.plus(Duration.ofMinutes(10)), null, RATE);
    assertThat(stopped.state()).isEqualTo("Steady");
    assertThat(stopped.dedicated()).isEqualTo(20);
    assertThat(stopped.since()).isEqualTo(START.plus(Duration.ofMinutes(3)));
    assertThat(stopped.errors().get(0).code()).isEqualTo("ResizeStopped");
  }

  private static ResizeOperation resize(int from, int target, int cap, ResizeFailure failure) {
    return new ResizeOperation(
        START,
        from,
        0,
        target,
        0,
        Duration.ofMinutes(15),
        "Requeue",
        cap,
        ResizeError.dedicatedQuota(),
        0,
        ResizeError.lowPriorityQuota(),
        failure,
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/i",
        null);
  }
}
