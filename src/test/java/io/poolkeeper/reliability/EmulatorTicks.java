package io.poolkeeper.reliability;

import io.poolkeeper.emulator.EmulatorAdmin;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in the campaigns: Azure's time moves on (10 simulated seconds every 20 ms, the pace of
 * OperatorHarness) while a check is tried, until it holds or a real-time timeout passes.
 */
final class EmulatorTicks {

  private static final Duration TICK = Duration.ofSeconds(10);
  private static final long PAUSE_MILLIS = 20;

  private EmulatorTicks() {}

  /**
   * Whether {@code check} held within {@code timeout}. A check that throws has not held yet: the
   * API server may be away, or an object not there yet.
   */
  static boolean until(EmulatorAdmin admin, Duration timeout, BooleanSupplier check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      admin.advanceClock(TICK);
      if (holds(check)) {
        return true;
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  static boolean holds(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException notYet) {
      return false;
    }
  }
}
