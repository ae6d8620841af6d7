package io.poolkeeper.batchpool;

import io.poolkeeper.policy.CustomImageLimits;
import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The fixed targets of all pools on each custom image, so that the image limits cost a reconcile
 * nothing while an image is far below them. Counting every pool of an image on every reconcile made
 * a fleet of 10 000 pools on one image quadratic: the operator spent most of its CPU there
 * (benchmark 4's profile).
 *
 * <p>Each image's pools are counted afresh at most once per {@link #FRESH}; in between, each pool
 * that asks puts its own current targets in (a new pool is added, a changed one replaced), so pools
 * applied together are counted together. A pool deleted meanwhile still counts until the next
 * count, which errs on the side of the exact check.
 */
final class ImageTotals {

  /** How long a count of all pools is kept, in nanoseconds of real time (work saved, not waits). */
  static final long FRESH = 1_000_000_000L;

  private static final class Count {
    final Map<String, PoolTargets> byPool;
    final long atNanos;
    long dedicated;
    long lowPriority;

    Count(Map<String, PoolTargets> byPool, long atNanos) {
      this.byPool = new HashMap<>(byPool);
      this.atNanos = atNanos;
      byPool.values().forEach(pool -> add(pool, 1));
    }

    void add(PoolTargets pool, int sign) {
      dedicated += sign * (long) pool.dedicated();
      lowPriority += sign * (long) pool.lowPriority();
    }

    void put(String key, PoolTargets pool) {
      PoolTargets before = byPool.put(key, pool);
      if (before != null) {
        add(before, -1);
      }
      add(pool, 1);
    }
  }

  private final ConcurrentMap<String, Count> counts = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  ImageTotals(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Whether every pool on {@code image}, with {@code pool}'s current targets under {@code key},
   * surely fits within the limits. {@code pools} gives all the image's pools by key, for a fresh
   * count when the last one is stale.
   */
  boolean surelyFit(
      String image, String key, PoolTargets pool, Supplier<Map<String, PoolTargets>> pools) {
    long now = nanoTime.getAsLong();
    Count count = counts.get(image);
    if (count == null || now - count.atNanos > FRESH) {
      count = new Count(pools.get(), now);
      counts.put(image, count);
    }
    synchronized (count) {
      count.put(key, pool);
      return count.dedicated <= CustomImageLimits.DEDICATED
          && count.lowPriority <= CustomImageLimits.LOW_PRIORITY;
    }
  }
}
