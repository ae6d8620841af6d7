package io.poolkeeper.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Which resize errors heal by resizing again (DESIGN.md "Resizing until the target", DOMAIN.md
 * "Batch pool behaviour"). Batch spells codes freely ({@code AllocationTimedout}), so codes compare
 * ignoring case.
 */
public final class ResizeErrors {

  /** Allocation failures and time-outs often heal on another try. */
  private static final Set<String> RETRYABLE =
      Set.of("allocationfailed", "allocationtimedout", "resizestopped", "unknown");

  private ResizeErrors() {}

  /** How the operator treats a resize error. */
  public enum Verdict {
    /** Resize again, with backoff. */
    RETRY,
    /** A resize the operator stopped itself; not a failure. */
    STOPPED_BY_US,
    /** Needs a person: quota, a missing image or dependency, a VM size not allowed... */
    NEEDS_A_PERSON
  }

  /**
   * The verdict on one error code.
   *
   * @param imagePresent whether the pool's image exists and is usable: AllocationFailed on a
   *     missing image does not heal by retrying
   * @param stopRequestedByUs whether the operator itself stopped the resize this error belongs to
   */
  public static Verdict verdict(String code, boolean imagePresent, boolean stopRequestedByUs) {
    String normalized = code == null ? "unknown" : code.toLowerCase(Locale.ROOT);
    if (normalized.equals("resizestopped") && stopRequestedByUs) {
      return Verdict.STOPPED_BY_US;
    }
    if (normalized.equals("allocationfailed") && !imagePresent) {
      return Verdict.NEEDS_A_PERSON;
    }
    return RETRYABLE.contains(normalized) ? Verdict.RETRY : Verdict.NEEDS_A_PERSON;
  }
}
