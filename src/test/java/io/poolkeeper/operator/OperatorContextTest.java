package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorContextTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  private static OperatorContext context(double timeScale) {
    OperatorSettings settings =
        new OperatorSettings(Optional.empty(), Set.of(), Optional.empty(), true, timeScale);
    return new OperatorContext(settings, Clock.fixed(NOW, ZoneOffset.UTC), null, null, null, null);
  }

  @Test
  void aDeadlineBeforeTheNextLookAtThePaceIsWhenToLookAgain() {
    OperatorContext operator = context(1);

    assertThat(operator.after(Pace.BUSY, Optional.of(NOW.plusSeconds(4)), NOW))
        .isEqualTo(Duration.ofSeconds(4).plusMillis(1));
    assertThat(operator.after(Pace.IDLE, Optional.of(NOW.plusSeconds(60)), NOW))
        .isEqualTo(Duration.ofSeconds(60).plusMillis(1));
  }

  @Test
  void aDeadlineAfterTheNextLookOrNoneKeepsThePace() {
    OperatorContext operator = context(1);

    assertThat(operator.after(Pace.BUSY, Optional.of(NOW.plusSeconds(60)), NOW))
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(operator.after(Pace.BUSY, Optional.empty(), NOW)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aDeadlineIsWaitedForInScaledTimeAndAPassedOneSoon() {
    OperatorContext operator = context(100);

    assertThat(operator.after(Pace.BUSY, Optional.of(NOW.plusSeconds(10)), NOW))
        .isEqualTo(Duration.ofMillis(100).plusNanos(10_000));
    assertThat(operator.after(Pace.BUSY, Optional.of(NOW.minusSeconds(10)), NOW))
        .isEqualTo(Duration.ofMillis(10));
  }
}
