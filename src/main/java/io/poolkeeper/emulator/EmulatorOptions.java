package io.poolkeeper.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How an {@link AzureEmulator} runs.
 *
 * @param port the HTTPS port on 127.0.0.1; 0 picks a free one
 * @param clockMode simulated (moves only when advanced) or real time (wall time times {@code
 *     speed})
 * @param simulatedStart where a simulated clock starts
 * @param speed simulated seconds per real second in real-time mode
 * @param nodesPerMinute how many nodes a resizing pool gains or loses per simulated minute, for
 *     dedicated and low-priority nodes each
 * @param provisioningDuration how long creating or updating snapshots, images, galleries and image
 *     definitions takes
 * @param replicationDuration how long replicating a gallery image version to one region takes
 * @param deletionDuration how long deleting a resource (or a resource group) takes
 * @param retryAfterSeconds the {@code Retry-After} value of long-running-operation responses; the
 *     Azure SDK's pollers wait that long between polls (and 30 seconds when it is 0)
 * @param caFile where to write the CA certificate (PEM); {@code null} writes it to a temporary
 *     directory
 */
public record EmulatorOptions(
    int port,
    ClockMode clockMode,
    Instant simulatedStart,
    double speed,
    double nodesPerMinute,
    Duration provisioningDuration,
    Duration replicationDuration,
    Duration deletionDuration,
    int retryAfterSeconds,
    Path caFile) {

  /** Whether the clock stands still until advanced or follows the wall clock. */
  public enum ClockMode {
    SIMULATED,
    REAL_TIME
  }

  public EmulatorOptions {
    Objects.requireNonNull(clockMode, "clockMode");
    Objects.requireNonNull(simulatedStart, "simulatedStart");
    Objects.requireNonNull(provisioningDuration, "provisioningDuration");
    Objects.requireNonNull(replicationDuration, "replicationDuration");
    Objects.requireNonNull(deletionDuration, "deletionDuration");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + speed);
    }
    if (!(nodesPerMinute > 0)) {
      throw new IllegalArgumentException("nodesPerMinute must be positive, was " + nodesPerMinute);
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative");
    }
  }

  /** Simulated clock, any free port, 20 nodes per minute, minutes-long provisioning. */
  public static EmulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .port(port)
        .clockMode(clockMode)
        .simulatedStart(simulatedStart)
        .speed(speed)
        .nodesPerMinute(nodesPerMinute)
        .provisioningDuration(provisioningDuration)
        .replicationDuration(replicationDuration)
        .deletionDuration(deletionDuration)
        .retryAfterSeconds(retryAfterSeconds)
        .caFile(caFile);
  }

  /** Builds {@link EmulatorOptions}; every setting has a default. */
  public static final class Builder {
    private int port;
    private ClockMode clockMode = ClockMode.SIMULATED;
    private Instant simulatedStart = Instant.parse("2026-01-05T08:00:00Z");
    private double speed = 60;
    private double nodesPerMinute = 20;
    private Duration provisioningDuration = Duration.ofMinutes(3);
    private Duration replicationDuration = Duration.ofMinutes(5);
    private Duration deletionDuration = Duration.ofMinutes(1);
    private int retryAfterSeconds = 1;
    private Path caFile;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder clockMode(ClockMode clockMode) {
      this.clockMode = clockMode;
      return this;
    }

    /** Real-time clock running {@code speed} times faster than the wall clock. */
    public Builder realTime(double speed) {
      this.clockMode = ClockMode.REAL_TIME;
      this.speed = speed;
      return this;
    }

    public Builder simulatedStart(Instant simulatedStart) {
      this.simulatedStart = simulatedStart;
      return this;
    }

    public Builder speed(double speed) {
      this.speed = speed;
      return this;
    }

    public Builder nodesPerMinute(double nodesPerMinute) {
      this.nodesPerMinute = nodesPerMinute;
      return this;
    }

    public Builder provisioningDuration(Duration provisioningDuration) {
      this.provisioningDuration = provisioningDuration;
      return this;
    }

    public Builder replicationDuration(Duration replicationDuration) {
      this.replicationDuration = replicationDuration;
      return this;
    }

    public Builder deletionDuration(Duration deletionDuration) {
      this.deletionDuration = deletionDuration;
      return this;
    }

    public Builder retryAfterSeconds(int retryAfterSeconds) {
      this.retryAfterSeconds = retryAfterSeconds;
      return this;
    }

    public Builder caFile(Path caFile) {
      this.caFile = caFile;
      return this;
    }

    public EmulatorOptions build() {
      return new EmulatorOptions(
          port,
          clockMode,
          simulatedStart,
          speed,
          nodesPerMinute,
          provisioningDuration,
          replicationDuration,
          deletionDuration,
          retryAfterSeconds,
          caFile);
    }
  }
}
