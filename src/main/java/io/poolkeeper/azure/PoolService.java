package io.poolkeeper.azure;

import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.azure.batch.PoolModel.ApplicationPackageReference;
import io.poolkeeper.azure.batch.PoolModel.AutoUserSpecification;
import io.poolkeeper.azure.batch.PoolModel.MountConfiguration;
import io.poolkeeper.azure.batch.PoolModel.NetworkConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ResourceFile;
import io.poolkeeper.azure.batch.PoolModel.TaskContainerSettings;
import io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy;
import io.poolkeeper.azure.batch.PoolModel.UpgradePolicy;
import io.poolkeeper.azure.batch.PoolModel.UserAccount;
import io.poolkeeper.azure.batch.PoolModel.UserIdentity;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
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
   * Changes only what the patch names (see {@link PoolChanges} for what Azure changes in place);
   * returns the pool after it. With {@link PoolPatch#ifMatch()} set, Azure refuses the change
   * ({@link AzureException.Conflict} of kind ETAG_MISMATCH) when the pool changed since that ETag
   * was read. New scale settings start a resize, which Batch accepts only while the pool is Steady
   * (else a Conflict of kind RESIZE_IN_PROGRESS: {@link #stopResize} first).
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
   * @param resizeTimeout {@code null} for Batch's default, 15 minutes
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

  /**
   * An autoscale formula.
   *
   * @param evaluationInterval {@code null} for Batch's default, 15 minutes
   */
  record AutoScaleSettings(String formula, Duration evaluationInterval) implements ScaleSettings {}

  /**
   * The task every node runs when it joins.
   *
   * @param environment the task's environment variables, in order
   * @param userIdentity whom it runs as; {@code null}: a non-administrative user of the task
   * @param containerSettings the container it runs in, on a container pool
   */
  record StartTaskSettings(
      String commandLine,
      List<ResourceFile> resourceFiles,
      Map<String, String> environment,
      UserIdentity userIdentity,
      int maxTaskRetryCount,
      boolean waitForSuccess,
      TaskContainerSettings containerSettings) {

    /** In a PATCH: take the pool's start task away (Batch's empty start task object). */
    public static final StartTaskSettings NONE =
        new StartTaskSettings(null, List.of(), Map.of(), null, 0, true, null);

    public StartTaskSettings {
      resourceFiles = resourceFiles == null ? List.of() : List.copyOf(resourceFiles);
      environment =
          environment == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }

    /** This start task as Azure reports it back: without its registry's password. */
    public StartTaskSettings withoutSecrets() {
      return containerSettings == null
          ? this
          : new StartTaskSettings(
              commandLine,
              resourceFiles,
              environment,
              userIdentity,
              maxTaskRetryCount,
              waitForSuccess,
              containerSettings.withoutSecrets());
    }

    /** A command line run by the pool-wide auto user at the given elevation level. */
    public static StartTaskSettings asAutoUser(
        String commandLine,
        boolean waitForSuccess,
        int maxTaskRetryCount,
        Map<String, String> environment,
        String elevationLevel) {
      return new StartTaskSettings(
          commandLine,
          List.of(),
          environment,
          new UserIdentity(null, new AutoUserSpecification("Pool", elevationLevel)),
          maxTaskRetryCount,
          waitForSuccess,
          null);
    }
  }

  /**
   * A pool's settings as Poolkeeper wants them or Azure reports them, named as the Batch REST API
   * 2026-08-01 names them. A {@code null} single value is one Azure defaults; lists and maps are
   * never null (empty: none). Secrets inside (mount keys, registry and user passwords, the start
   * task's registry password) are masked by {@code toString}; Azure never reports them back.
   *
   * @param userAssignedIdentities the pool's user-assigned managed identities, by resource ID (the
   *     pool resource's {@code identity})
   * @param tags the tags of the pool resource ({@code tags}, beside {@code properties}: the
   *     2026-08-01 schema has no {@code properties.resourceTags}); the place for an owner tag, so
   *     {@code metadata} stays the user's
   */
  record PoolSettings(
      String displayName,
      String vmSize,
      VirtualMachineConfiguration virtualMachineConfiguration,
      ScaleSettings scale,
      StartTaskSettings startTask,
      Integer taskSlotsPerNode,
      Map<String, String> metadata,
      NetworkConfiguration networkConfiguration,
      List<String> userAssignedIdentities,
      String interNodeCommunication,
      TaskSchedulingPolicy taskSchedulingPolicy,
      List<MountConfiguration> mountConfiguration,
      List<ApplicationPackageReference> applicationPackages,
      List<UserAccount> userAccounts,
      UpgradePolicy upgradePolicy,
      Map<String, String> tags) {
    public PoolSettings {
      metadata = ordered(metadata);
      userAssignedIdentities =
          userAssignedIdentities == null ? List.of() : List.copyOf(userAssignedIdentities);
      mountConfiguration = mountConfiguration == null ? List.of() : List.copyOf(mountConfiguration);
      applicationPackages =
          applicationPackages == null ? List.of() : List.copyOf(applicationPackages);
      userAccounts = userAccounts == null ? List.of() : List.copyOf(userAccounts);
      tags = ordered(tags);
    }

    /** The settings every pool needs; everything else as Azure defaults it. */
    public static PoolSettings basic(
        String vmSize,
        VirtualMachineConfiguration virtualMachineConfiguration,
        ScaleSettings scale,
        StartTaskSettings startTask,
        Integer taskSlotsPerNode,
        Map<String, String> metadata) {
      return new PoolSettings(
          null,
          vmSize,
          virtualMachineConfiguration,
          scale,
          startTask,
          taskSlotsPerNode,
          metadata,
          null,
          List.of(),
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          null,
          Map.of());
    }

    /** These settings as Azure reports them back: without the secrets it never returns. */
    public PoolSettings withoutSecrets() {
      return new PoolSettings(
          displayName,
          vmSize,
          virtualMachineConfiguration == null ? null : virtualMachineConfiguration.withoutSecrets(),
          scale,
          startTask == null ? null : startTask.withoutSecrets(),
          taskSlotsPerNode,
          metadata,
          networkConfiguration,
          userAssignedIdentities,
          interNodeCommunication,
          taskSchedulingPolicy,
          mountConfiguration.stream().map(MountConfiguration::withoutSecrets).toList(),
          applicationPackages,
          userAccounts.stream().map(UserAccount::withoutSecrets).toList(),
          upgradePolicy,
          tags);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
      return map == null
          ? Map.of()
          : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
  }

  /** The pool Poolkeeper wants in Azure. */
  record PoolDefinition(PoolRef pool, PoolSettings settings) {}

  /**
   * What a PATCH changes: null members (and null lists and maps) are left as they are. Scale, start
   * task, metadata, application packages and tags change whatever the pool's size; every other
   * member only while the pool has no nodes ({@link PoolChanges}).
   *
   * @param virtualMachineConfiguration the whole configuration, as Batch replaces it whole
   * @param emptyPoolProperties further pool properties by their REST names ({@code displayName},
   *     {@code taskSlotsPerNode}, {@code networkConfiguration}, {@code mountConfiguration}, ...),
   *     each with the value a pool body carries; empty for none
   * @param ifMatch the ETag the change is based on, or {@code null} for an unconditional change
   */
  record PoolPatch(
      ScaleSettings scale,
      StartTaskSettings startTask,
      Map<String, String> metadata,
      List<ApplicationPackageReference> applicationPackages,
      UpgradePolicy upgradePolicy,
      Map<String, String> tags,
      String vmSize,
      VirtualMachineConfiguration virtualMachineConfiguration,
      List<String> userAssignedIdentities,
      Map<String, Object> emptyPoolProperties,
      String ifMatch) {

    public PoolPatch {
      emptyPoolProperties =
          emptyPoolProperties == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(emptyPoolProperties));
    }

    /** An unconditional PATCH of the scale, the start task or the metadata. */
    public PoolPatch(
        ScaleSettings scale, StartTaskSettings startTask, Map<String, String> metadata) {
      this(scale, startTask, metadata, null, null, null, null, null, null, null, null);
    }

    /** The same change, made only if the pool still has this ETag. */
    public PoolPatch ifMatch(String etag) {
      return new PoolPatch(
          scale,
          startTask,
          metadata,
          applicationPackages,
          upgradePolicy,
          tags,
          vmSize,
          virtualMachineConfiguration,
          userAssignedIdentities,
          emptyPoolProperties,
          etag);
    }

    /** True when the patch changes nothing. */
    public boolean isEmpty() {
      return scale == null
          && startTask == null
          && metadata == null
          && applicationPackages == null
          && upgradePolicy == null
          && tags == null
          && vmSize == null
          && virtualMachineConfiguration == null
          && userAssignedIdentities == null
          && emptyPoolProperties.isEmpty();
    }
  }

  /** A resize error as Batch reports it; compare codes ignoring case, as Batch spells freely. */
  record PoolResizeError(String code, String message) {}

  /**
   * A pool as Azure reports it.
   *
   * @param resizeStartTime when the current (Resizing) or last (Steady) resize started
   * @param resizeErrors errors of the last resize, present only while Steady after it failed
   * @param allocationStateTransitionTime when the allocation state last changed: for a Steady pool
   *     after a failed resize, when that resize ended
   * @param settings what Azure reports of the pool's settings: {@code vmSize} as Batch spells it
   *     (often upper case: compare with {@link #hasVmSize}), no secrets, and a fixed scale's {@code
   *     nodeDeallocationOption} unknown ({@code null})
   */
  record PoolInfo(
      String id,
      String name,
      String etag,
      String provisioningState,
      String allocationState,
      int currentDedicatedNodes,
      int currentLowPriorityNodes,
      OffsetDateTime resizeStartTime,
      List<PoolResizeError> resizeErrors,
      PoolSettings settings,
      OffsetDateTime allocationStateTransitionTime) {
    public PoolInfo {
      resizeErrors = List.copyOf(resizeErrors);
    }

    /** A pool whose allocation state changed at a time nobody needs. */
    public PoolInfo(
        String id,
        String name,
        String etag,
        String provisioningState,
        String allocationState,
        int currentDedicatedNodes,
        int currentLowPriorityNodes,
        OffsetDateTime resizeStartTime,
        List<PoolResizeError> resizeErrors,
        PoolSettings settings) {
      this(
          id,
          name,
          etag,
          provisioningState,
          allocationState,
          currentDedicatedNodes,
          currentLowPriorityNodes,
          resizeStartTime,
          resizeErrors,
          settings,
          null);
    }

    /** Batch answers VM sizes in its own casing ({@code STANDARD_D4}); sizes ignore case. */
    public boolean hasVmSize(String size) {
      return settings.vmSize() != null && settings.vmSize().equalsIgnoreCase(size);
    }

    /** No nodes and none coming or going: what vmSize and image changes in place need. */
    public boolean isEmpty() {
      return currentDedicatedNodes == 0
          && currentLowPriorityNodes == 0
          && "Steady".equalsIgnoreCase(allocationState);
    }
  }
}
