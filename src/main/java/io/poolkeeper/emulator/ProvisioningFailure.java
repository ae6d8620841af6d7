package io.poolkeeper.emulator;

/**
 * Makes the next create or update of a Compute resource (snapshot, image, gallery, image definition
 * or version) fail: its long-running operation ends {@code Failed} with this error and the
 * resource's {@code provisioningState} becomes {@code Failed}.
 *
 * @param resourceId the resource's ID
 * @param code the error code, for example {@code InternalOperationError}
 * @param message the error message
 */
public record ProvisioningFailure(String resourceId, String code, String message) {

  public ProvisioningFailure {
    if (resourceId == null || code == null) {
      throw new IllegalArgumentException("a provisioning failure needs a resource ID and a code");
    }
    if (message == null) {
      message = "The operation failed (injected by the Azure emulator).";
    }
  }
}
