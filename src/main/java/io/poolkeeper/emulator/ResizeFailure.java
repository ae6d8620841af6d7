package io.poolkeeper.emulator;

/**
 * Makes the next resize of a pool end in error: it allocates (or removes) {@code afterNodes} nodes,
 * then stops Steady with resize error {@code code}.
 *
 * @param poolId the pool's resource ID
 * @param code the resize error code, for example {@code AllocationFailed}
 * @param message the error message; the emulator's wording for the code when {@code null}
 * @param afterNodes how many nodes the resize moves before it fails
 */
public record ResizeFailure(String poolId, String code, String message, int afterNodes) {

  public ResizeFailure {
    if (poolId == null || code == null) {
      throw new IllegalArgumentException("a resize failure needs a pool ID and a code");
    }
    if (afterNodes < 0) {
      throw new IllegalArgumentException("afterNodes must not be negative");
    }
  }
}
