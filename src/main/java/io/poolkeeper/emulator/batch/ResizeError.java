package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.AzureRegions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.util.List;

/** One entry of a pool's {@code resizeOperationStatus.errors}. */
record ResizeError(String code, String message, List<ArmException.Detail> details) {

  static final String ALLOCATION_FAILED = "AllocationFailed";
  // Batch spells it with a lower-case "o" (PoolResizeErrorCodes and the 2026-08-01 PoolList
  // example).
  static final String ALLOCATION_TIMED_OUT = "AllocationTimedout";
  static final String RESIZE_STOPPED = "ResizeStopped";
  static final String ACCOUNT_CORE_QUOTA_REACHED = "AccountCoreQuotaReached";
  static final String ACCOUNT_LOW_PRIORITY_CORE_QUOTA_REACHED =
      "AccountLowPriorityCoreQuotaReached";
  static final String ACCOUNT_VM_SERIES_CORE_QUOTA_REACHED = "AccountVMSeriesCoreQuotaReached";

  ResizeError {
    details = List.copyOf(details);
  }

  static ResizeError of(String code, String message) {
    return new ResizeError(code, message, List.of());
  }

  /** The guide's message for a failed allocation, naming the image that is gone. */
  static ResizeError imageMissing(String imageId) {
    return new ResizeError(
        ALLOCATION_FAILED,
        allocationFailedMessage(),
        List.of(
            new ArmException.Detail(
                "Message", "The image '" + imageId + "' used by the pool could not be found.")));
  }

  /**
   * The guide's message for a failed allocation, naming the gallery image version that has no
   * replica in the Batch account's region (a pool's nodes come from the replica in its region; the
   * Batch custom-image guide: "Replicas must exist in the Batch account's region").
   */
  static ResizeError imageNotReplicated(String imageId, String region) {
    return new ResizeError(
        ALLOCATION_FAILED,
        allocationFailedMessage(),
        List.of(
            new ArmException.Detail(
                "Message",
                "The image '"
                    + imageId
                    + "' used by the pool is not replicated to region '"
                    + AzureRegions.displayName(region)
                    + "' of the Batch account.")));
  }

  static ResizeError timedOut(boolean dedicatedShort) {
    return of(
        ALLOCATION_TIMED_OUT,
        "Desired number of "
            + (dedicatedShort ? "dedicated" : "low priority")
            + " nodes could not be allocated as the resize timeout was reached");
  }

  static ResizeError stopped() {
    return of(
        RESIZE_STOPPED,
        "Desired number of nodes could not be allocated as the resize operation was stopped");
  }

  static ResizeError dedicatedQuota() {
    return of(
        ACCOUNT_CORE_QUOTA_REACHED,
        "Desired number of dedicated nodes could not be allocated as the account has reached its"
            + " dedicated core quota");
  }

  static ResizeError lowPriorityQuota() {
    return of(
        ACCOUNT_LOW_PRIORITY_CORE_QUOTA_REACHED,
        "Desired number of low priority nodes could not be allocated as the account has reached"
            + " its low priority core quota");
  }

  /** Worded as recorded from Azure (canCRUDBatchPool). */
  static ResizeError vmSeriesQuota(String family) {
    return of(
        ACCOUNT_VM_SERIES_CORE_QUOTA_REACHED,
        "The specified account has reached VM series core quota for " + family);
  }

  /** An injected failure, with the emulator's usual wording for the codes it knows. */
  static ResizeError injected(ResizeFailure failure) {
    if (failure.message() != null) {
      return of(failure.code(), failure.message());
    }
    return switch (failure.code()) {
      case ALLOCATION_FAILED -> of(ALLOCATION_FAILED, allocationFailedMessage());
      case ALLOCATION_TIMED_OUT -> timedOut(true);
      case RESIZE_STOPPED -> stopped();
      case ACCOUNT_CORE_QUOTA_REACHED -> dedicatedQuota();
      case ACCOUNT_LOW_PRIORITY_CORE_QUOTA_REACHED -> lowPriorityQuota();
      default ->
          of(
              failure.code(),
              "The resize failed with error " + failure.code() + " (injected by the emulator)");
    };
  }

  private static String allocationFailedMessage() {
    return "There was an error encountered while performing the last resize on the pool. Please"
        + " try resizing the pool again.";
  }

  ObjectNode toJson() {
    ObjectNode json = EmulatorJson.object().put("code", code).put("message", message);
    if (!details.isEmpty()) {
      ArrayNode array = json.putArray("details");
      for (ArmException.Detail detail : details) {
        array.addObject().put("code", detail.code()).put("message", detail.message());
      }
    }
    return json;
  }
}
