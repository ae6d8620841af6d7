package io.poolkeeper.policy;

import java.util.List;
import java.util.Optional;

/**
 * Azure Batch's size limits for pools on a custom image (DOMAIN.md, from the custom-image guide):
 * at most 2500 dedicated and 1000 low-priority nodes in total across all pools that use the same
 * image. A pool whose targets would take the sum over either limit is refused (CapacityLimited),
 * naming the other pools, instead of being sent to Azure to fail node by node.
 */
public final class CustomImageLimits {

  public static final int DEDICATED = 2500;
  public static final int LOW_PRIORITY = 1000;

  private CustomImageLimits() {}

  /** A pool's targets on an image. */
  public record PoolTargets(String pool, int dedicated, int lowPriority) {}

  /** How many of the other pools a refusal names; the rest are counted. */
  static final int NAMED = 5;

  /** Whether these pools' targets, all on one image, stay within both limits together. */
  public static boolean fitTogether(List<PoolTargets> pools) {
    long dedicated = 0;
    long lowPriority = 0;
    for (PoolTargets pool : pools) {
      dedicated += pool.dedicated();
      lowPriority += pool.lowPriority();
    }
    return dedicated <= DEDICATED && lowPriority <= LOW_PRIORITY;
  }

  /**
   * Why {@code pool} cannot have its targets next to {@code others} on the same image, or empty
   * when it fits. Only one pool's view: each pool checks itself against the rest.
   */
  public static Optional<String> refusal(PoolTargets pool, List<PoolTargets> others) {
    int dedicated = pool.dedicated() + others.stream().mapToInt(PoolTargets::dedicated).sum();
    int lowPriority = pool.lowPriority() + others.stream().mapToInt(PoolTargets::lowPriority).sum();
    if (dedicated <= DEDICATED && lowPriority <= LOW_PRIORITY) {
      return Optional.empty();
    }
    String kind = dedicated > DEDICATED ? "dedicated" : "low-priority";
    int limit = dedicated > DEDICATED ? DEDICATED : LOW_PRIORITY;
    int total = dedicated > DEDICATED ? dedicated : lowPriority;
    String sharing =
        others.isEmpty()
            ? "this pool alone"
            : "this pool and "
                + String.join(
                    ", ",
                    others.stream()
                        .limit(NAMED)
                        .map(
                            other ->
                                other.pool()
                                    + " ("
                                    + (dedicated > DEDICATED
                                        ? other.dedicated()
                                        : other.lowPriority())
                                    + ")")
                        .toList())
                + (others.size() > NAMED ? " and " + (others.size() - NAMED) + " more pools" : "");
    return Optional.of(
        "Azure Batch allows at most "
            + limit
            + " "
            + kind
            + " nodes across all pools on one custom image; "
            + sharing
            + " would need "
            + total
            + ". Lower the targets, or give this pool its own image (a new GalleryImageVersion).");
  }
}
