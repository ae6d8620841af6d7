package io.poolkeeper.operator;

import io.poolkeeper.api.Condition;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.azure.OperationService.OperationStatus;
import java.util.Optional;

/**
 * What to make of a resource this object owns whose create or update Azure ended {@code Failed}:
 * Azure's own failures (an internal error, a preempted operation) usually pass, so the write is
 * sent again, up to {@link #MAX_ATTEMPTS} in a row; after that a person has to look, and the object
 * is Stalled with Azure's error until its spec changes. Every failure is told in an Event with
 * Azure's error, and the Stalled message keeps it across reconciles, although Azure forgets the
 * operation that carried it.
 *
 * @param failures failed attempts in a row, this one included
 * @param message for the condition: Azure's code and message and what happens next
 * @param retry whether to send the write again now
 * @param notice the Event to record, if this failure is new
 */
public record FailedProvisioning(int failures, String message, boolean retry, Notice notice) {

  /** Attempts of one create or update, the first included, before a person is needed. */
  public static final int MAX_ATTEMPTS = 3;

  public static final String REASON = "ProvisioningFailed";

  /**
   * Judges a resource Azure shows as Failed.
   *
   * @param previous the object's status before this reconcile
   * @param previousFailures the failures in a row it recorded
   * @param operation the recorded operation as Azure reports it now, if there was one
   * @param newGeneration whether the spec changed since the status was written (a fresh start)
   * @param what what Azure was making, for messages ("the image", "the version")
   */
  public static FailedProvisioning judge(
      ObservedStatus previous,
      Integer previousFailures,
      Optional<OperationStatus> operation,
      boolean newGeneration,
      String what) {
    Condition stalled = Conditions.find(previous.getConditions(), Conditions.STALLED);
    boolean stalledOnIt =
        stalled != null && "True".equals(stalled.getStatus()) && REASON.equals(stalled.getReason());
    int before = previousFailures == null || newGeneration ? 0 : previousFailures;
    if (stalledOnIt && !newGeneration) {
      // Already told; Azure no longer knows the operation, so the message carries the error.
      return new FailedProvisioning(before, stalled.getMessage(), false, null);
    }
    String error = operation.flatMap(OperationStatus::error).orElse("Azure gave no details");
    int failures = before + 1;
    boolean retry = failures < MAX_ATTEMPTS;
    String message =
        "Azure could not provision "
            + what
            + " ("
            + error
            + ")"
            + (retry
                ? "; sending it again (attempt " + (failures + 1) + " of " + MAX_ATTEMPTS + ")."
                : " "
                    + MAX_ATTEMPTS
                    + " times in a row. Fix the cause, then change the spec or"
                    + " delete and re-create the object.");
    return new FailedProvisioning(failures, message, retry, Notice.warning(REASON, message));
  }

  /** The health to report: in progress while retrying, Stalled once the attempts are used up. */
  public Health health() {
    return retry ? Health.inProgress(REASON, message) : Health.stalled(REASON, message);
  }
}
