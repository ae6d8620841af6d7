package io.poolkeeper.operator;

import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.api.PendingOperation;
import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.AzureOperation;
import io.poolkeeper.azure.OperationService;
import io.poolkeeper.azure.OperationService.OperationStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Azure operations recorded in status, so they are followed across reconciles and restarts. */
public final class PendingOperations {

  private PendingOperations() {}

  /** The status entry for an operation just started, or {@code null} if Azure finished it. */
  public static PendingOperation started(String action, AzureOperation operation, Clock clock) {
    if (operation.polling() == AzureOperation.Polling.COMPLETED) {
      return null;
    }
    PendingOperation pending = new PendingOperation();
    pending.setAction(action);
    pending.setUrl(operation.statusUrl());
    pending.setPolling(
        operation.polling() == AzureOperation.Polling.LOCATION ? "Location" : "AsyncOperation");
    pending.setStartTime(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return pending;
  }

  /**
   * How the operation in {@code status} is going, or empty when there is none or Azure no longer
   * knows it (operation URLs expire; the resource's own state tells then).
   */
  public static Optional<OperationStatus> status(
      OperationService operations, ObservedStatus status) {
    if (status == null || status.getPendingOperation() == null) {
      return Optional.empty();
    }
    PendingOperation pending = status.getPendingOperation();
    AzureOperation operation =
        new AzureOperation(
            pending.getUrl(),
            "Location".equals(pending.getPolling())
                ? AzureOperation.Polling.LOCATION
                : AzureOperation.Polling.ASYNC_OPERATION);
    try {
      return Optional.of(operations.status(operation));
    } catch (AzureException.NotFound expired) {
      return Optional.empty();
    }
  }

  /** The recorded operation, kept until Azure says it is done (or no longer knows it). */
  public static PendingOperation stillPending(
      ObservedStatus previous, Optional<OperationStatus> observed) {
    if (previous == null || previous.getPendingOperation() == null) {
      return null;
    }
    return observed.map(s -> !s.state().done()).orElse(false)
        ? previous.getPendingOperation()
        : null;
  }

  /** Whether a recorded operation of this action is still running. */
  public static boolean running(
      ObservedStatus previous, Optional<OperationStatus> observed, String action) {
    return previous != null
        && previous.getPendingOperation() != null
        && action.equals(previous.getPendingOperation().getAction())
        && observed.map(s -> !s.state().done()).orElse(false);
  }
}
