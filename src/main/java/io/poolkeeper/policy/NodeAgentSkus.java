package io.poolkeeper.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a pool's nodeAgentSkuId fits its image's OS (DOMAIN.md, "The chain": the node agent must
 * match the image's OS, e.g. {@code batch.node.ubuntu 22.04} for Linux, {@code batch.node.windows
 * amd64} for Windows). Batch names its Linux agents after the distribution and its Windows agent
 * after Windows.
 */
public final class NodeAgentSkus {

  /** Node agents Batch offers for current Linux images. */
  static final List<String> LINUX =
      List.of(
          "batch.node.ubuntu 22.04",
          "batch.node.ubuntu 24.04",
          "batch.node.el 9",
          "batch.node.debian 12",
          "batch.node.azurelinux 3.0");

  /** The node agent Batch offers for Windows images. */
  static final List<String> WINDOWS = List.of("batch.node.windows amd64");

  private NodeAgentSkus() {}

  /**
   * Why the agent does not fit an image of {@code osType} (Linux or Windows), naming fitting
   * choices; empty when it fits or the OS type is unknown.
   */
  public static Optional<String> mismatch(String nodeAgentSkuId, String osType) {
    if (osType == null || nodeAgentSkuId == null) {
      return Optional.empty();
    }
    boolean windowsAgent = nodeAgentSkuId.toLowerCase(Locale.ROOT).startsWith("batch.node.windows");
    boolean windowsImage = osType.equalsIgnoreCase("Windows");
    if (windowsAgent == windowsImage) {
      return Optional.empty();
    }
    List<String> fitting = windowsImage ? WINDOWS : LINUX;
    return Optional.of(
        "nodeAgentSkuId '"
            + nodeAgentSkuId
            + "' is for "
            + (windowsAgent ? "Windows" : "Linux")
            + " nodes, but the image is "
            + (windowsImage ? "Windows" : "Linux")
            + ". Use one that fits the image, e.g. "
            + String.join(" or ", fitting.stream().map(sku -> "'" + sku + "'").toList())
            + ".");
  }
}
