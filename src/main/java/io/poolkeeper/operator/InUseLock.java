package io.poolkeeper.operator;

import io.poolkeeper.api.UsedBy;
import io.poolkeeper.azure.LockService.LockInfo;
import java.util.List;

/**
 * Poolkeeper's CanNotDelete lock on an image that something still uses, so it cannot be deleted out
 * of band either. Only the lock of this name is Poolkeeper's; others are left alone.
 */
public final class InUseLock {

  public static final String NAME = "poolkeeper-in-use";

  private InUseLock() {}

  /** Whether the locks include Poolkeeper's. */
  public static boolean present(List<LockInfo> locks) {
    return locks.stream().anyMatch(lock -> NAME.equalsIgnoreCase(lock.name()));
  }

  /** The lock's notes: who keeps the image. */
  public static String notes(List<UsedBy> users) {
    String notes = "Kept by Poolkeeper while used by " + ImageUsers.describe(users) + ".";
    // Azure limits lock notes to 512 characters.
    return notes.length() <= 512 ? notes : notes.substring(0, 509) + "...";
  }
}
