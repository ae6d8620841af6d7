package io.poolkeeper.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one clock: simulated clocks move only when told; real-time clocks never go back. */
class EmulatorClockTest {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  @Test
  void aSimulatedClockMovesOnlyWhenAdvanced() {
    EmulatorClock clock = EmulatorClock.simulated(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));

    clock.reset();
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void theClockNeverMovesBack() {
    EmulatorClock clock = EmulatorClock.simulated(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRealTimeClockIsNotBeforeTheWallClockAndCanBeAdvanced() {
    Instant before = Instant.now();
    EmulatorClock clock = EmulatorClock.realTime(60);

    Instant first = clock.instant();
    assertThat(first).isAfterOrEqualTo(before);
    assertThat(clock.advance(Duration.ofHours(1)))
        .isAfterOrEqualTo(first.plus(Duration.ofHours(1)));
    assertThat(clock.isSimulated()).isFalse();
    assertThat(clock.speed()).isEqualTo(60);
  }

  @Test
  void itIsAJavaClockInUtc() {
    EmulatorClock clock = EmulatorClock.simulated(START);

    assertThat(clock.getZone().getId()).isEqualTo("Z");
    assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant()).isEqualTo(START);
  }
}
