package io.poolkeeper.batchpool;

import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolSpec;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.StartTask;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.ScaleSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.ApplicationPackageReference;
import io.poolkeeper.azure.batch.PoolModel.AutoUserSpecification;
import io.poolkeeper.azure.batch.PoolModel.ComputeNodeIdentityReference;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.azure.batch.PoolModel.ResourceFile;
import io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy;
import io.poolkeeper.azure.batch.PoolModel.UserIdentity;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import io.poolkeeper.operator.OwnerTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool settings a BatchPool spec asks for, in the pool port's terms. Spec fields the mapper
 * does not translate yet are named by {@link #unsupported}, so the controller refuses such a spec
 * instead of creating a pool that silently lacks them.
 */
final class PoolSettingsMapper {

  private PoolSettingsMapper() {}

  /** The spec fields set here that this mapper does not send to Azure; empty when none. */
  static List<String> unsupported(BatchPoolSpec spec) {
    List<String> fields = new ArrayList<>();
    addIf(fields, "networkConfiguration", spec.getNetworkConfiguration());
    addIf(fields, "mountConfiguration", emptyToNull(spec.getMountConfiguration()));
    addIf(fields, "containerConfiguration", spec.getContainerConfiguration());
    addIf(fields, "dataDisks", emptyToNull(spec.getDataDisks()));
    addIf(fields, "osDisk", spec.getOsDisk());
    addIf(fields, "securityProfile", spec.getSecurityProfile());
    addIf(fields, "diskEncryptionConfiguration", spec.getDiskEncryptionConfiguration());
    addIf(fields, "nodePlacementConfiguration", spec.getNodePlacementConfiguration());
    addIf(fields, "extensions", emptyToNull(spec.getExtensions()));
    addIf(fields, "userAccounts", emptyToNull(spec.getUserAccounts()));
    addIf(fields, "upgradePolicy", spec.getUpgradePolicy());
    if (spec.getStartTask() != null) {
      addIf(fields, "startTask.containerSettings", spec.getStartTask().getContainerSettings());
    }
    return fields;
  }

  /**
   * The settings for Azure.
   *
   * @param image the resolved image
   * @param resizeTimeout the effective resize timeout of a fixed pool
   */
  static PoolSettings settings(BatchPool pool, ImageReference image, Duration resizeTimeout) {
    BatchPoolSpec spec = pool.getSpec();
    return new PoolSettings(
        spec.getDisplayName(),
        spec.getVmSize(),
        VirtualMachineConfiguration.of(image, spec.getNodeAgentSkuId()),
        scale(spec.getScale(), resizeTimeout),
        startTask(spec.getStartTask()),
        spec.getTaskSlotsPerNode(),
        spec.getMetadata(),
        null,
        spec.getIdentity() == null ? List.of() : spec.getIdentity().getUserAssignedIdentities(),
        spec.getInterNodeCommunication() == null ? null : spec.getInterNodeCommunication().name(),
        schedulingPolicy(spec.getTaskSchedulingPolicy()),
        List.of(),
        applicationPackages(spec.getApplicationPackages()),
        List.of(),
        null,
        OwnerTag.withOwner(spec.getTags() == null ? Map.of() : spec.getTags(), pool));
  }

  static ScaleSettings scale(PoolScale scale, Duration resizeTimeout) {
    if (scale.getAutoScale() != null) {
      return new AutoScaleSettings(
          scale.getAutoScale().getFormula(),
          duration(scale.getAutoScale().getEvaluationInterval()));
    }
    PoolScale.Fixed fixed = scale.getFixed();
    return new FixedScaleSettings(
        orZero(fixed.getTargetDedicatedNodes()),
        orZero(fixed.getTargetLowPriorityNodes()),
        resizeTimeout,
        fixed.getNodeDeallocationOption() == null
            ? null
            : fixed.getNodeDeallocationOption().name());
  }

  static StartTaskSettings startTask(StartTask task) {
    if (task == null) {
      return null;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (task.getEnvironmentSettings() != null) {
      task.getEnvironmentSettings()
          .forEach(setting -> environment.put(setting.getName(), setting.getValue()));
    }
    List<ResourceFile> files = new ArrayList<>();
    if (task.getResourceFiles() != null) {
      for (StartTask.ResourceFile file : task.getResourceFiles()) {
        files.add(
            new ResourceFile(
                file.getAutoStorageContainerName(),
                file.getStorageContainerUrl(),
                file.getHttpUrl(),
                file.getBlobPrefix(),
                file.getFilePath(),
                file.getFileMode(),
                file.getIdentityReference() == null
                    ? null
                    : new ComputeNodeIdentityReference(
                        file.getIdentityReference().getResourceId())));
      }
    }
    return new StartTaskSettings(
        task.getCommandLine(),
        files,
        environment,
        userIdentity(task.getUserIdentity()),
        task.getMaxTaskRetryCount() == null ? 0 : task.getMaxTaskRetryCount(),
        task.getWaitForSuccess() == null || task.getWaitForSuccess(),
        null);
  }

  private static UserIdentity userIdentity(StartTask.UserIdentity identity) {
    if (identity == null) {
      return null;
    }
    StartTask.AutoUser auto = identity.getAutoUser();
    return new UserIdentity(
        identity.getUserName(),
        auto == null
            ? null
            : new AutoUserSpecification(
                auto.getScope() == null ? null : auto.getScope().name(),
                auto.getElevationLevel() == null ? null : auto.getElevationLevel().name()));
  }

  private static TaskSchedulingPolicy schedulingPolicy(
      io.poolkeeper.api.TaskSchedulingPolicy policy) {
    if (policy == null) {
      return null;
    }
    return new TaskSchedulingPolicy(
        policy.getNodeFillType() == null ? null : policy.getNodeFillType().name(),
        policy.getJobDefaultOrder() == null ? null : policy.getJobDefaultOrder().name());
  }

  private static List<ApplicationPackageReference> applicationPackages(
      List<io.poolkeeper.api.ApplicationPackageReference> packages) {
    if (packages == null) {
      return List.of();
    }
    return packages.stream()
        .map(
            reference -> new ApplicationPackageReference(reference.getId(), reference.getVersion()))
        .toList();
  }

  static Duration duration(String iso) {
    return iso == null ? null : Duration.parse(iso);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static Object emptyToNull(List<?> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  private static void addIf(List<String> fields, String name, Object value) {
    if (value != null) {
      fields.add(name);
    }
  }
}
