package io.poolkeeper.policy;

import java.time.Duration;

/**
 * The resizeTimeout a fixed pool gets when its spec does not set one (DOMAIN.md, "resizeTimeout
 * sizing", from the Azure Batch custom-image guides): at least 15 minutes per 1000 target nodes for
 * gallery images (2000 VMs: 30 minutes), at least 20 minutes for managed images (the guide says
 * 20-30), and never under Batch's default of 15 minutes.
 */
public final class ResizeTimeouts {

  static final Duration FLOOR = Duration.ofMinutes(15);
  static final Duration PER_THOUSAND_NODES = Duration.ofMinutes(15);
  static final Duration MANAGED_IMAGE_FLOOR = Duration.ofMinutes(20);

  private ResizeTimeouts() {}

  /** What kind of image the pool boots, as far as sizing goes. */
  public enum ImageKind {
    GALLERY,
    MANAGED,
    MARKETPLACE
  }

  /**
   * The effective timeout: the spec's when set, else computed from the target nodes (dedicated plus
   * low-priority) and the image kind.
   */
  public static Duration effective(Duration fromSpec, int targetNodes, ImageKind image) {
    if (fromSpec != null) {
      return fromSpec;
    }
    long thousands = (Math.max(targetNodes, 0) + 999L) / 1000L;
    Duration byNodes = PER_THOUSAND_NODES.multipliedBy(thousands);
    Duration floor = image == ImageKind.MANAGED ? MANAGED_IMAGE_FLOOR : FLOOR;
    return byNodes.compareTo(floor) > 0 ? byNodes : floor;
  }
}
