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

  /**
   * Changes only the given scale settings, start task or metadata; returns the pool after it. With
   * {@link PoolPatch#ifMatch()} set, Azure refuses the change ({@link AzureException.Conflict} of
   * kind ETAG_MISMATCH) when the pool changed since that ETag was read. New scale settings start a
   * resize, which Batch accepts only while the pool is Steady (else a Conflict of kind
   * RESIZE_IN_PROGRESS: {@link #stopResize} first).
   */
  PoolInfo patch(PoolRef pool, PoolPatch patch);

  /** Stops a running resize; the pool ends Steady with the nodes it has. */
  PoolInfo stopResize(PoolRef pool);

  /** Switches an autoscaled pool to fixed scale at its current size. */
  PoolInfo disableAutoScale(PoolRef pool);

  /**
   * Starts deleting the pool. A pool that does not exist is already deleted: the operation is then
   * {@link AzureOperation#completed()}.
   */
  AzureOperation beginDelete(PoolRef pool);

  /** Scale settings: exactly one of fixed or autoScale. */
  sealed interface ScaleSettings {}

  /**
   * A fixed target.
   *
   * @param nodeDeallocationOption what happens to tasks on removed nodes; Azure does not report it
   *     back (it belongs to the resize, not the pool), so a pool read from Azure has {@code null}
   *     here, which means "unknown", never "changed"
   */
  record FixedScaleSettings(
      int targetDedicatedNodes,
      int targetLowPriorityNodes,
      Duration resizeTimeout,
      String nodeDeallocationOption)
      implements ScaleSettings {}

  /** An autoscale formula. */
  record AutoScaleSettings(String formula, Duration evaluationInterval) implements ScaleSettings {}

  /** The task every node runs when it joins. */
  record StartTaskSettings(
      String commandLine,
      boolean waitForSuccess,
      int maxTaskRetryCount,
      Map<String, String> environment,
      String elevationLevel) {
    public StartTaskSettings {
      environment = Map.copyOf(environment);
    }
  }

  /** The image a pool's nodes boot: exactly one of an image ID or a Marketplace image. */
  sealed interface ImageReference {}

  /** A gallery image version, a gallery image definition (latest) or a managed image. */
  record ImageById(String id) implements ImageReference {}

  /** An Azure Marketplace image. */
  record MarketplaceImageReference(String publisher, String offer, String sku, String version)
      implements ImageReference {}

  /** The pool Poolkeeper wants in Azure. */
  record PoolDefinition(
      PoolRef pool,
      String vmSize,
      ImageReference image,
      String nodeAgentSkuId,
      ScaleSettings scale,
      StartTaskSettings startTask,
      Integer taskSlotsPerNode,
      Map<String, String> metadata) {
    public PoolDefinition {
      metadata = Map.copyOf(metadata);
    }
  }

  /**
   * What a PATCH changes: null members are left as they are.
   *
   * @param ifMatch the ETag the change is based on, or {@code null} for an unconditional change
   */
  record PoolPatch(
      ScaleSettings scale,
      StartTaskSettings startTask,
      Map<String, String> metadata,
      String ifMatch) {

    /** An unconditional PATCH. */
    public PoolPatch(
        ScaleSettings scale, StartTaskSettings startTask, Map<String, String> metadata) {
      this(scale, startTask, metadata, null);
    }

    /** The same change, made only if the pool still has this ETag. */
    public PoolPatch ifMatch(String etag) {
      return new PoolPatch(scale, startTask, metadata, etag);
    }
  }

  /** A resize error as Batch reports it; compare codes ignoring case, as Batch spells freely. */
  record PoolResizeError(String code, String message) {}

  /**
   * A pool as Azure reports it.
   *
   * @param vmSize as Batch spells it (often upper case): compare with {@link #hasVmSize}
   * @param resizeStartTime when the current (Resizing) or last (Steady) resize started
   * @param resizeErrors errors of the last resize, present only while Steady after it failed
   */
  record PoolInfo(
      String id,
      String name,
      String etag,
      String provisioningState,
      String allocationState,
      String vmSize,
      ImageReference image,
      String nodeAgentSkuId,
      ScaleSettings scale,
      int currentDedicatedNodes,
      int currentLowPriorityNodes,
      Integer taskSlotsPerNode,
      OffsetDateTime resizeStartTime,
      List<PoolResizeError> resizeErrors,
      StartTaskSettings startTask,
      Map<String, String> metadata) {
    public PoolInfo {
      resizeErrors = List.copyOf(resizeErrors);
      metadata = Map.copyOf(metadata);
    }

    /** Batch answers VM sizes in its own casing ({@code STANDARD_D4}); sizes ignore case. */
    public boolean hasVmSize(String size) {
      return vmSize != null && vmSize.equalsIgnoreCase(size);
    }
  }
}
