package io.poolkeeper.emulator.arm;

import java.time.Instant;

/**
 * A long-running operation started by a PUT or DELETE: it is in progress until {@code end} on the
 * emulator clock, then succeeded, or failed with {@code failure}.
 *
 * @param target the resource the operation works on
 * @param deletion whether the operation deletes {@code target}
 */
public record LongRunningOperation(
    String id,
    Kind kind,
    ResourceId target,
    boolean deletion,
    Instant start,
    Instant end,
    ArmException failure,
    String location,
    String apiVersion) {

  /** The families of operation URLs, one per emulated service. */
  public enum Kind {
    /** Images: {@code .../providers/Microsoft.Compute/locations/{l}/operations/{id}}. */
    COMPUTE("operations"),
    /** Galleries and their children: {@code .../locations/{l}/capsOperations/{id}}. */
    GALLERY("capsOperations"),
    /** Snapshots and disks: {@code .../locations/{l}/DiskOperations/{id}}. */
    DISK("DiskOperations"),
    /** Batch pool deletion: {@code .../batchAccounts/{a}/poolOperationResults/{id}}. */
    POOL_DELETION("poolOperationResults"),
    /** Resource group deletion: {@code /subscriptions/{s}/operationresults/{token}}. */
    RESOURCE_GROUP_DELETION("operationresults");

    private final String pathSegment;

    Kind(String pathSegment) {
      this.pathSegment = pathSegment;
    }

    String pathSegment() {
      return pathSegment;
    }
  }

  boolean isDone(Instant now) {
    return !now.isBefore(end);
  }

  /** InProgress, Succeeded or Failed, as the operation-status documents spell it. */
  String status(Instant now) {
    if (!isDone(now)) {
      return "InProgress";
    }
    return failure == null ? "Succeeded" : "Failed";
  }
}
