package io.poolkeeper.azure;

import java.util.Optional;

/**
 * Long-running operations that the other ports started ({@code begin...} calls): how they are going
 * and, when they failed, Azure's code and message. One GET per question; nothing waits.
 */
public interface OperationService {

  /**
   * The operation's state now. Throws {@link AzureException.NotFound} when Azure no longer knows
   * the operation (operation URLs expire); the resource's own provisioning state tells then.
   */
  OperationStatus status(AzureOperation operation);

  /** The state of a long-running operation. */
  enum OperationState {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    CANCELED;

    public boolean done() {
      return this != IN_PROGRESS;
    }
  }

  /**
   * An operation's state, with Azure's error when it failed.
   *
   * @param state where it is
   * @param errorCode Azure's error code when it failed or was canceled, else empty
   * @param errorMessage Azure's error message when it failed or was canceled, else empty
   */
  record OperationStatus(OperationState state, String errorCode, String errorMessage) {

    public static OperationStatus of(OperationState state) {
      return new OperationStatus(state, "", "");
    }

    public OperationStatus {
      errorCode = errorCode == null ? "" : errorCode;
      errorMessage = errorMessage == null ? "" : errorMessage;
    }

    /** Azure's code and message as one line, when it failed. */
    public Optional<String> error() {
      if (errorCode.isEmpty() && errorMessage.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(errorCode.isEmpty() ? errorMessage : errorCode + ": " + errorMessage);
    }
  }
}
