package io.poolkeeper.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's only source of time. Simulated clocks stand still until {@link #advance} moves
 * them; real-time clocks follow the wall clock multiplied by a speed factor (60 = one simulated
 * minute per real second) and can be advanced as well. Every timestamp the emulator returns and
 * every state transition it computes comes from here.
 */
public final class EmulatorClock extends Clock {

  private final boolean simulated;
  private final double speed;
  private final Instant start;
  private Instant origin;
  private long originNanos;
  private Duration advancedBy = Duration.ZERO;

  private EmulatorClock(boolean simulated, double speed, Instant start) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("the clock speed must be positive, was " + speed);
    }
    this.simulated = simulated;
    this.speed = speed;
    this.start = start;
    this.origin = start;
    this.originNanos = System.nanoTime();
  }

  /** A clock that starts at {@code start} and moves only when advanced. */
  public static EmulatorClock simulated(Instant start) {
    return new EmulatorClock(true, 1, start);
  }

  /** A clock that starts at the current wall time and runs {@code speed} times faster. */
  public static EmulatorClock realTime(double speed) {
    return new EmulatorClock(false, speed, Instant.now());
  }

  public boolean isSimulated() {
    return simulated;
  }

  /** How many simulated seconds pass per real second (1 for a simulated clock). */
  public double speed() {
    return speed;
  }

  @Override
  public synchronized Instant instant() {
    Instant base = origin.plus(advancedBy);
    if (simulated) {
      return base;
    }
    long elapsed = (long) ((System.nanoTime() - originNanos) * speed);
    return base.plusNanos(elapsed);
  }

  /** Moves the clock forward; the emulator never moves it back. */
  public synchronized Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, not by " + duration);
    }
    advancedBy = advancedBy.plus(duration);
    return instant();
  }

  /** Back to the start instant (simulated) or to the current wall time (real time). */
  synchronized void reset() {
    origin = simulated ? start : Instant.now();
    originNanos = System.nanoTime();
    advancedBy = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    EmulatorClock source = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return source.withZone(other);
      }

      @Override
      public Instant instant() {
        return source.instant();
      }
    };
  }
}
