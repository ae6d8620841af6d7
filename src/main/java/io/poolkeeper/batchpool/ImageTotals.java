package io.poolkeeper.batchpool;

import io.poolkeeper.policy.CustomImageLimits;
import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The fixed targets of all pools on each custom image, counted at most once per {@link #FRESH} per
 * image, so that the image limits cost a reconcile nothing while an image is far below them.
 * Counting every pool of an image on every reconcile made a fleet of 10 000 pools on one image
 * quadratic: the operator spent most of its CPU there (benchmark 4's profile).
 *
 * <p>A count is trusted while it is fresh and below {@link #MARGIN} of both limits; otherwise the
 * caller counts exactly. Pools applied within one {@link #FRESH} of a count can add at most what
 * they add before the next count notices, which only a burst of new pools worth a tenth of the
 * limit in that time could bring over it.
 */
final class ImageTotals {

  /** How long a count is trusted, in nanoseconds of real time: work saved, not simulated waits. */
  static final long FRESH = 1_000_000_000L;

  /** The share of each limit a trusted count may reach. */
  static final double MARGIN = 0.9;

  private record Count(long dedicated, long lowPriority, long atNanos) {}

  private final ConcurrentMap<String, Count> counts = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  ImageTotals(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Whether every pool on {@code image} surely fits within the limits, from a fresh count, or from
   * a new count of {@code pools} when the last one is stale.
   */
  boolean surelyFit(String image, Supplier<List<PoolTargets>> pools) {
    long now = nanoTime.getAsLong();
    Count count = counts.get(image);
    if (count == null || now - count.atNanos() > FRESH) {
      long dedicated = 0;
      long lowPriority = 0;
      for (PoolTargets pool : pools.get()) {
        dedicated += pool.dedicated();
        lowPriority += pool.lowPriority();
      }
      count = new Count(dedicated, lowPriority, now);
      counts.put(image, count);
    }
    return count.dedicated() <= CustomImageLimits.DEDICATED * MARGIN
        && count.lowPriority() <= CustomImageLimits.LOW_PRIORITY * MARGIN;
  }
}
