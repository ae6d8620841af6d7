package io.poolkeeper.operator;

import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for failed reconciles (Azure unreachable, 5xx, a bug): the wait
 * doubles from {@code initial} to {@code max}, each spread by ±20 % so objects that failed together
 * do not come back together. It never gives up: after the last doubling it keeps waiting {@code
 * max}, so a failure costs one attempt per {@code max}, never a hot loop.
 */
public final class JitteredRetry implements Retry {

  private static final double JITTER = 0.2;

  private final Duration initial;
  private final Duration max;

  public JitteredRetry(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  @Override
  public RetryExecution initExecution() {
    return new RetryExecution() {
      private int attempts;

      @Override
      public Optional<Long> nextDelay() {
        attempts++;
        return Optional.of(delay(attempts, ThreadLocalRandom.current().nextDouble()).toMillis());
      }

      @Override
      public int getAttemptCount() {
        return attempts;
      }

      @Override
      public boolean isLastAttempt() {
        return false;
      }
    };
  }

  /** The wait after failed attempt {@code attempt} (1-based), with {@code random} in [0, 1). */
  Duration delay(int attempt, double random) {
    long base = initial.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(Math.max(base, 1), max.toMillis());
    double spread = 1 + JITTER * (2 * random - 1);
    return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
  }
}
