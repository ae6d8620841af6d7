package io.poolkeeper.azure;

import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Batch pools through the Batch management plane ({@code Microsoft.Batch/batchAccounts/pools}):
 * created once, then changed only by PATCHes of what changed; never blindly re-PUT.
 */
public interface PoolService {

  /** Creates the pool; fails with {@link AzureException.Conflict} if it already exists. */
  PoolInfo create(PoolDefinition definition);

  /** The pool as Azure has it, or empty when it does not exist. */
  Optional<PoolInfo> get(PoolRef pool);

  /**
   * Every pool of the account, read with {@code $select} of the properties {@link PoolInfo} carries
   * (following {@code nextLink} pages), so one call observes a whole account cheaply.
   */
  List<PoolInfo> list(BatchAccountRef account);

  /** Changes only the given scale settings, start task or metadata; returns the pool after it. */
  PoolInfo patch(PoolRef pool, PoolPatch patch);

  /** Stops a running resize; the pool ends Steady with the nodes it has. */
  PoolInfo stopResize(PoolRef pool);

  /** Switches an autoscaled pool to fixed scale at its current size. */
  PoolInfo disableAutoScale(PoolRef pool);

  /** Starts deleting the pool. A pool that does not exist is already deleted. */
  void beginDelete(PoolRef pool);

  /** Scale settings: exactly one of fixed or autoScale. */
  sealed interface Scale {}

  /** A fixed target. */
  record FixedScale(
      int targetDedicatedNodes,
      int targetLowPriorityNodes,
      Duration resizeTimeout,
      String nodeDeallocationOption)
      implements Scale {}

  /** An autoscale formula. */
  record AutoScale(String formula, Duration evaluationInterval) implements Scale {}

  /** The task every node runs when it joins. */
  record StartTask(
      String commandLine,
      boolean waitForSuccess,
      int maxTaskRetryCount,
      Map<String, String> environment,
      String elevationLevel) {
    public StartTask {
      environment = Map.copyOf(environment);
    }
  }

  /** The image a pool's nodes boot: exactly one of an image ID or a Marketplace image. */
  sealed interface Image {}

  /** A gallery image version, a gallery image definition (latest) or a managed image. */
  record ImageId(String id) implements Image {}

  /** An Azure Marketplace image. */
  record MarketplaceImage(String publisher, String offer, String sku, String version)
      implements Image {}

  /** The pool Poolkeeper wants in Azure. */
  record PoolDefinition(
      PoolRef pool,
      String vmSize,
      Image image,
      String nodeAgentSkuId,
      Scale scale,
      StartTask startTask,
      Integer taskSlotsPerNode,
      Map<String, String> metadata) {
    public PoolDefinition {
      metadata = Map.copyOf(metadata);
    }
  }

  /** What a PATCH changes: null members are left as they are. */
  record PoolPatch(Scale scale, StartTask startTask, Map<String, String> metadata) {}

  /** A resize error as Batch reports it. */
  record ResizeError(String code, String message) {}

  /** A pool as Azure reports it. */
  record PoolInfo(
      String id,
      String name,
      String etag,
      String provisioningState,
      String allocationState,
      String vmSize,
      Image image,
      String nodeAgentSkuId,
      Scale scale,
      int currentDedicatedNodes,
      int currentLowPriorityNodes,
      OffsetDateTime resizeStartTime,
      List<ResizeError> resizeErrors,
      StartTask startTask,
      Map<String, String> metadata) {
    public PoolInfo {
      resizeErrors = List.copyOf(resizeErrors);
      metadata = Map.copyOf(metadata);
    }
  }
}
