package io.poolkeeper.azure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.PoolResizeError;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.ApplicationPackageReference;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool resource on the wire at Batch management api-version 2026-08-01: our {@link PoolService}
 * types to and from Jackson records named as the REST API names them
 * (Microsoft.Batch/Batch/stable/2026-08-01/openapi.json, definitions {@code Pool}, {@code
 * PoolProperties} and those they use).
 */
final class PoolJson {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final String USER_ASSIGNED = "UserAssigned";

  private PoolJson() {}

  /** {@code Pool}: the ARM envelope. */
  record Pool(
      String id,
      String name,
      String type,
      String etag,
      BatchPoolIdentity identity,
      Map<String, String> tags,
      PoolProperties properties) {}

  /** {@code BatchPoolIdentity}: UserAssigned with identities by resource ID, or None. */
  record BatchPoolIdentity(String type, Map<String, Map<String, Object>> userAssignedIdentities) {}

  /** {@code PoolProperties}, writable and read-only alike. */
  record PoolProperties(
      String displayName,
      String provisioningState,
      String allocationState,
      String vmSize,
      DeploymentConfiguration deploymentConfiguration,
      Integer currentDedicatedNodes,
      Integer currentLowPriorityNodes,
      ScaleSettings scaleSettings,
      String interNodeCommunication,
      NetworkConfiguration networkConfiguration,
      Integer taskSlotsPerNode,
      TaskSchedulingPolicy taskSchedulingPolicy,
      List<UserAccount> userAccounts,
      List<MetadataItem> metadata,
      StartTask startTask,
      List<ApplicationPackageReference> applicationPackages,
      ResizeOperationStatus resizeOperationStatus,
      List<MountConfiguration> mountConfiguration,
      UpgradePolicy upgradePolicy,
      String allocationStateTransitionTime) {}

  record DeploymentConfiguration(VirtualMachineConfiguration virtualMachineConfiguration) {}

  record ScaleSettings(FixedScaleSettings fixedScale, AutoScaleSettings autoScale) {}

  record FixedScaleSettings(
      String resizeTimeout,
      Integer targetDedicatedNodes,
      Integer targetLowPriorityNodes,
      String nodeDeallocationOption) {}

  record AutoScaleSettings(String formula, String evaluationInterval) {}

  record StartTask(
      String commandLine,
      List<ResourceFile> resourceFiles,
      List<EnvironmentSetting> environmentSettings,
      UserIdentity userIdentity,
      Integer maxTaskRetryCount,
      Boolean waitForSuccess,
      TaskContainerSettings containerSettings) {}

  record EnvironmentSetting(String name, String value) {}

  record MetadataItem(String name, String value) {}

  record ResizeOperationStatus(String startTime, List<ResizeError> errors) {}

  record ResizeError(String code, String message) {}

  /** {@code ListPoolsResult}: one page and the link to the next. */
  record ListPoolsResult(List<Pool> value, String nextLink) {}

  /** The body of a create (PUT). */
  static ObjectNode createBody(PoolSettings settings) {
    Pool pool =
        new Pool(
            null,
            null,
            null,
            null,
            identity(settings.userAssignedIdentities()),
            settings.tags(),
            new PoolProperties(
                settings.displayName(),
                null,
                null,
                settings.vmSize(),
                settings.virtualMachineConfiguration() == null
                    ? null
                    : new DeploymentConfiguration(settings.virtualMachineConfiguration()),
                null,
                null,
                scaleSettings(settings.scale()),
                settings.interNodeCommunication(),
                settings.networkConfiguration(),
                settings.taskSlotsPerNode(),
                settings.taskSchedulingPolicy(),
                settings.userAccounts(),
                metadata(settings.metadata()),
                startTask(settings.startTask()),
                settings.applicationPackages(),
                null,
                settings.mountConfiguration(),
                settings.upgradePolicy(),
                null));
    return JSON.valueToTree(pool);
  }

  /**
   * The body of a PATCH: only what the patch names. Empty lists and maps are sent as such (they
   * clear metadata, packages or tags), and no identities as {@code {"type": "None"}}.
   */
  static ObjectNode patchBody(PoolPatch patch) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode properties = body.putObject("properties");
    if (patch.scale() != null) {
      properties.set("scaleSettings", JSON.valueToTree(scaleSettings(patch.scale())));
    }
    if (patch.startTask() != null) {
      properties.set("startTask", JSON.valueToTree(startTask(patch.startTask())));
    }
    if (patch.metadata() != null) {
      properties.set("metadata", JSON.valueToTree(metadata(patch.metadata())));
    }
    if (patch.applicationPackages() != null) {
      properties.set("applicationPackages", JSON.valueToTree(patch.applicationPackages()));
    }
    if (patch.upgradePolicy() != null) {
      properties.set("upgradePolicy", JSON.valueToTree(patch.upgradePolicy()));
    }
    if (patch.vmSize() != null) {
      properties.put("vmSize", patch.vmSize());
    }
    if (patch.virtualMachineConfiguration() != null) {
      properties.set(
          "deploymentConfiguration",
          JSON.valueToTree(new DeploymentConfiguration(patch.virtualMachineConfiguration())));
    }
    patch
        .emptyPoolProperties()
        .forEach((name, value) -> properties.set(name, JSON.valueToTree(value)));
    if (patch.tags() != null) {
      body.set("tags", JSON.valueToTree(patch.tags()));
    }
    if (patch.userAssignedIdentities() != null) {
      BatchPoolIdentity identity = identity(patch.userAssignedIdentities());
      body.set(
          "identity",
          identity == null
              ? JSON.createObjectNode().put("type", "None")
              : JSON.valueToTree(identity));
    }
    return body;
  }

  /** A pool as Azure answered it; {@code etagHeader} when the body carries no etag. */
  static PoolInfo info(Pool pool, String etagHeader) {
    PoolProperties properties = pool.properties();
    ResizeOperationStatus resize = properties.resizeOperationStatus();
    PoolSettings settings =
        new PoolSettings(
            properties.displayName(),
            properties.vmSize(),
            properties.deploymentConfiguration() == null
                ? null
                : properties.deploymentConfiguration().virtualMachineConfiguration(),
            scale(properties.scaleSettings()),
            startTaskSettings(properties.startTask()),
            properties.taskSlotsPerNode(),
            metadataMap(properties.metadata()),
            properties.networkConfiguration(),
            pool.identity() == null
                    || !USER_ASSIGNED.equalsIgnoreCase(pool.identity().type())
                    || pool.identity().userAssignedIdentities() == null
                ? List.of()
                : List.copyOf(pool.identity().userAssignedIdentities().keySet()),
            properties.interNodeCommunication(),
            properties.taskSchedulingPolicy(),
            properties.mountConfiguration(),
            properties.applicationPackages(),
            properties.userAccounts(),
            properties.upgradePolicy(),
            pool.tags());
    return new PoolInfo(
        pool.id(),
        pool.name(),
        pool.etag() != null ? pool.etag() : etagHeader,
        properties.provisioningState(),
        properties.allocationState(),
        properties.currentDedicatedNodes() == null ? 0 : properties.currentDedicatedNodes(),
        properties.currentLowPriorityNodes() == null ? 0 : properties.currentLowPriorityNodes(),
        resize == null || resize.startTime() == null
            ? null
            : OffsetDateTime.parse(resize.startTime()),
        resize == null || resize.errors() == null
            ? List.of()
            : resize.errors().stream()
                .map(e -> new PoolResizeError(e.code(), e.message()))
                .toList(),
        settings,
        properties.allocationStateTransitionTime() == null
            ? null
            : OffsetDateTime.parse(properties.allocationStateTransitionTime()));
  }

  private static BatchPoolIdentity identity(List<String> userAssignedIdentities) {
    if (userAssignedIdentities.isEmpty()) {
      return null;
    }
    Map<String, Map<String, Object>> identities = new LinkedHashMap<>();
    userAssignedIdentities.forEach(id -> identities.put(id, Map.of()));
    return new BatchPoolIdentity(USER_ASSIGNED, identities);
  }

  private static ScaleSettings scaleSettings(PoolService.ScaleSettings scale) {
    if (scale == null) {
      return null;
    }
    if (scale instanceof PoolService.FixedScaleSettings fixed) {
      return new ScaleSettings(
          new FixedScaleSettings(
              fixed.resizeTimeout() == null ? null : fixed.resizeTimeout().toString(),
              fixed.targetDedicatedNodes(),
              fixed.targetLowPriorityNodes(),
              fixed.nodeDeallocationOption()),
          null);
    }
    PoolService.AutoScaleSettings auto = (PoolService.AutoScaleSettings) scale;
    return new ScaleSettings(
        null,
        new AutoScaleSettings(
            auto.formula(),
            auto.evaluationInterval() == null ? null : auto.evaluationInterval().toString()));
  }

  private static PoolService.ScaleSettings scale(ScaleSettings settings) {
    if (settings == null) {
      return null;
    }
    if (settings.autoScale() != null) {
      return new PoolService.AutoScaleSettings(
          settings.autoScale().formula(), duration(settings.autoScale().evaluationInterval()));
    }
    FixedScaleSettings fixed = settings.fixedScale();
    if (fixed == null) {
      return null;
    }
    return new PoolService.FixedScaleSettings(
        fixed.targetDedicatedNodes() == null ? 0 : fixed.targetDedicatedNodes(),
        fixed.targetLowPriorityNodes() == null ? 0 : fixed.targetLowPriorityNodes(),
        duration(fixed.resizeTimeout()),
        // Unknown: Batch leaves it out of GET and list answers (it belongs to the resize).
        null);
  }

  private static Duration duration(String iso) {
    return iso == null ? null : Duration.parse(iso);
  }

  private static StartTask startTask(StartTaskSettings task) {
    if (task == null) {
      return null;
    }
    if (task.commandLine() == null) {
      // Batch's way to remove a start task in a PATCH: an empty object.
      return new StartTask(null, null, null, null, null, null, null);
    }
    return new StartTask(
        task.commandLine(),
        task.resourceFiles(),
        task.environment().entrySet().stream()
            .map(e -> new EnvironmentSetting(e.getKey(), e.getValue()))
            .toList(),
        task.userIdentity(),
        task.maxTaskRetryCount(),
        task.waitForSuccess(),
        task.containerSettings());
  }

  private static StartTaskSettings startTaskSettings(StartTask task) {
    if (task == null || task.commandLine() == null) {
      return null;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (task.environmentSettings() != null) {
      task.environmentSettings().forEach(s -> environment.put(s.name(), s.value()));
    }
    return new StartTaskSettings(
        task.commandLine(),
        task.resourceFiles(),
        environment,
        task.userIdentity(),
        task.maxTaskRetryCount() == null ? 0 : task.maxTaskRetryCount(),
        !Boolean.FALSE.equals(task.waitForSuccess()),
        task.containerSettings());
  }

  private static List<MetadataItem> metadata(Map<String, String> metadata) {
    return metadata.entrySet().stream()
        .map(e -> new MetadataItem(e.getKey(), e.getValue()))
        .toList();
  }

  private static Map<String, String> metadataMap(List<MetadataItem> items) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (items != null) {
      items.forEach(item -> metadata.put(item.name(), item.value()));
    }
    return metadata;
  }
}
