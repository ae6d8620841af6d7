package io.poolkeeper.operator;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator runs: what it serves and how fast it looks again.
 *
 * @param defaultSubscription the subscription of objects that do not name one
 * @param namespaces the namespaces to watch; empty for all
 * @param labelSelector only objects with these labels, e.g. {@code team=render}; empty for all
 * @param locks whether images in use carry an Azure CanNotDelete lock
 * @param timeScale every wait is divided by this, to keep pace with a sped-up emulator
 */
public record OperatorSettings(
    Optional<String> defaultSubscription,
    Set<String> namespaces,
    Optional<String> labelSelector,
    boolean locks,
    double timeScale) {

  /** How often a resource that is being provisioned or replicated is looked at again. */
  static final Duration BUSY_POLL = Duration.ofSeconds(15);

  /** How often a settled resource is checked for drift. */
  static final Duration IDLE_POLL = Duration.ofMinutes(5);

  /** How long a Stalled resource waits before it is tried again without a spec change. */
  static final Duration STALLED_RETRY = Duration.ofMinutes(30);

  public OperatorSettings {
    namespaces = Set.copyOf(namespaces);
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("time scale must be a positive number, was " + timeScale);
    }
  }

  /** A wait of {@code duration} in simulated time, in real time. */
  public Duration scaled(Duration duration) {
    long nanos = (long) (duration.toNanos() / timeScale);
    return Duration.ofNanos(Math.max(nanos, Duration.ofMillis(10).toNanos()));
  }

  public Duration busyPoll() {
    return scaled(BUSY_POLL);
  }

  public Duration idlePoll() {
    return scaled(IDLE_POLL);
  }

  public Duration stalledRetry() {
    return scaled(STALLED_RETRY);
  }

  /** The subscription of an object: its own, or the configured default. */
  public String subscription(String ofObject) {
    if (ofObject != null && !ofObject.isBlank()) {
      return ofObject;
    }
    return defaultSubscription.orElseThrow(
        () ->
            new MissingSubscriptionException(
                "the object names no subscriptionId and the operator has no default: set"
                    + " spec.azure.subscriptionId or start the operator with --subscription"));
  }

  /** An object needs a subscription that neither it nor the operator gives. */
  public static final class MissingSubscriptionException extends RuntimeException {
    MissingSubscriptionException(String message) {
      super(message);
    }
  }
}
