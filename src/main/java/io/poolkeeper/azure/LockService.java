package io.poolkeeper.azure;

import java.util.List;

/**
 * Management locks ({@code Microsoft.Authorization/locks}) on single resources. Poolkeeper puts a
 * CanNotDelete lock on every image that a pool or version still uses, so it cannot be deleted out
 * of band either.
 */
public interface LockService {

  /** Puts (or keeps) a CanNotDelete lock with this name on the resource. */
  void putDeleteLock(String resourceId, String lockName, String notes);

  /** Removes the lock; a lock that does not exist is already removed. */
  void removeLock(String resourceId, String lockName);

  /** The locks set on the resource itself. */
  List<LockInfo> listLocks(String resourceId);

  /** A lock as Azure reports it. */
  record LockInfo(String id, String name, String level, String notes) {}
}
