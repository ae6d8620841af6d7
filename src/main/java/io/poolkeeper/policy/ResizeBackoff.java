package io.poolkeeper.policy;

import java.time.Duration;

/**
 * When to resize again after a retryable failure (spec.resizeRecovery): the wait doubles from
 * {@code initialBackoff} with each attempt, up to {@code maxBackoff}; after {@code maxAttempts} the
 * pool is Stalled and tried again only after a long interval or a spec change.
 */
public record ResizeBackoff(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** spec.resizeRecovery's defaults (the CRD's): 10 attempts, 1 minute doubling to 30. */
  public static final ResizeBackoff DEFAULTS =
      new ResizeBackoff(10, Duration.ofMinutes(1), Duration.ofMinutes(30));

  /** How long to wait before attempt {@code attempt} (1 for the first retry). */
  public Duration before(int attempt) {
    Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 30));
    return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
  }

  /** Whether another attempt is allowed after {@code attemptsSoFar}. */
  public boolean allows(int attemptsSoFar) {
    return attemptsSoFar < maxAttempts;
  }
}
