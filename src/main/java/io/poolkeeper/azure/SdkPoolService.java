package io.poolkeeper.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.fluent.PoolsClient;
import com.azure.resourcemanager.batch.fluent.models.PoolInner;
import com.azure.resourcemanager.batch.models.AutoUserScope;
import com.azure.resourcemanager.batch.models.AutoUserSpecification;
import com.azure.resourcemanager.batch.models.ComputeNodeDeallocationOption;
import com.azure.resourcemanager.batch.models.DeploymentConfiguration;
import com.azure.resourcemanager.batch.models.ElevationLevel;
import com.azure.resourcemanager.batch.models.EnvironmentSetting;
import com.azure.resourcemanager.batch.models.MetadataItem;
import com.azure.resourcemanager.batch.models.ResizeOperationStatus;
import com.azure.resourcemanager.batch.models.UserIdentity;
import com.azure.resourcemanager.batch.models.VirtualMachineConfiguration;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link PoolService} on azure-resourcemanager-batch (the Batch management plane). */
final class SdkPoolService implements PoolService {

  /** What {@link PoolInfo} needs of each pool when a whole account is listed. */
  static final String LIST_SELECT =
      String.join(
          ",",
          "id",
          "name",
          "etag",
          "properties/provisioningState",
          "properties/allocationState",
          "properties/vmSize",
          "properties/deploymentConfiguration",
          "properties/scaleSettings",
          "properties/currentDedicatedNodes",
          "properties/currentLowPriorityNodes",
          "properties/taskSlotsPerNode",
          "properties/resizeOperationStatus",
          "properties/startTask",
          "properties/metadata");

  private static final int PAGE_SIZE = 100;

  private final Function<String, BatchManager> batch;

  SdkPoolService(Function<String, BatchManager> batch) {
    this.batch = batch;
  }

  @Override
  public PoolInfo create(PoolDefinition definition) {
    PoolRef pool = definition.pool();
    PoolInner body =
        new PoolInner()
            .withVmSize(definition.vmSize())
            .withDeploymentConfiguration(
                new DeploymentConfiguration()
                    .withVirtualMachineConfiguration(
                        new VirtualMachineConfiguration()
                            .withImageReference(imageReference(definition.image()))
                            .withNodeAgentSkuId(definition.nodeAgentSkuId())))
            .withScaleSettings(scaleSettings(definition.scale()))
            .withStartTask(startTask(definition.startTask()))
            .withTaskSlotsPerNode(definition.taskSlotsPerNode())
            .withMetadata(metadata(definition.metadata()));
    // If-None-Match: * makes this a create, never a replace of a pool someone else made.
    return info(
        AzureErrors.call(
            () ->
                pools(pool)
                    .createWithResponse(
                        pool.account().resourceGroup(),
                        pool.account().name(),
                        pool.poolId(),
                        body,
                        null,
                        "*",
                        Context.NONE)
                    .getValue()));
  }

  @Override
  public Optional<PoolInfo> get(PoolRef pool) {
    return AzureErrors.find(
            () ->
                pools(pool)
                    .getWithResponse(
                        pool.account().resourceGroup(),
                        pool.account().name(),
                        pool.poolId(),
                        Context.NONE)
                    .getValue())
        .map(SdkPoolService::info);
  }

  @Override
  public List<PoolInfo> list(BatchAccountRef account) {
    return AzureErrors.call(
        () ->
            batch
                .apply(account.subscriptionId())
                .serviceClient()
                .getPools()
                .listByBatchAccount(
                    account.resourceGroup(),
                    account.name(),
                    PAGE_SIZE,
                    LIST_SELECT,
                    null,
                    Context.NONE)
                .stream()
                .map(SdkPoolService::info)
                .toList());
  }

  @Override
  public PoolInfo patch(PoolRef pool, PoolPatch patch) {
    PoolInner body = new PoolInner();
    if (patch.scale() != null) {
      body.withScaleSettings(scaleSettings(patch.scale()));
    }
    if (patch.startTask() != null) {
      body.withStartTask(startTask(patch.startTask()));
    }
    if (patch.metadata() != null) {
      body.withMetadata(metadata(patch.metadata()));
    }
    return info(
        AzureErrors.call(
            () ->
                pools(pool)
                    .updateWithResponse(
                        pool.account().resourceGroup(),
                        pool.account().name(),
                        pool.poolId(),
                        body,
                        patch.ifMatch(),
                        Context.NONE)
                    .getValue()));
  }

  @Override
  public PoolInfo stopResize(PoolRef pool) {
    return info(
        AzureErrors.call(
            () ->
                pools(pool)
                    .stopResize(
                        pool.account().resourceGroup(), pool.account().name(), pool.poolId())));
  }

  @Override
  public PoolInfo disableAutoScale(PoolRef pool) {
    return info(
        AzureErrors.call(
            () ->
                pools(pool)
                    .disableAutoScale(
                        pool.account().resourceGroup(), pool.account().name(), pool.poolId())));
  }

  @Override
  public AzureOperation beginDelete(PoolRef pool) {
    return OperationCapture.startDelete(
        context ->
            pools(pool)
                .beginDelete(
                    pool.account().resourceGroup(), pool.account().name(), pool.poolId(), context));
  }

  private PoolsClient pools(PoolRef pool) {
    return batch.apply(pool.account().subscriptionId()).serviceClient().getPools();
  }

  private static com.azure.resourcemanager.batch.models.ImageReference imageReference(
      ImageReference image) {
    if (image instanceof ImageById byId) {
      return new com.azure.resourcemanager.batch.models.ImageReference().withId(byId.id());
    }
    MarketplaceImageReference marketplace = (MarketplaceImageReference) image;
    return new com.azure.resourcemanager.batch.models.ImageReference()
        .withPublisher(marketplace.publisher())
        .withOffer(marketplace.offer())
        .withSku(marketplace.sku())
        .withVersion(marketplace.version());
  }

  private static com.azure.resourcemanager.batch.models.ScaleSettings scaleSettings(
      ScaleSettings scale) {
    if (scale instanceof FixedScaleSettings fixed) {
      return new com.azure.resourcemanager.batch.models.ScaleSettings()
          .withFixedScale(
              new com.azure.resourcemanager.batch.models.FixedScaleSettings()
                  .withTargetDedicatedNodes(fixed.targetDedicatedNodes())
                  .withTargetLowPriorityNodes(fixed.targetLowPriorityNodes())
                  .withResizeTimeout(fixed.resizeTimeout())
                  .withNodeDeallocationOption(
                      fixed.nodeDeallocationOption() == null
                          ? null
                          : ComputeNodeDeallocationOption.fromString(
                              fixed.nodeDeallocationOption())));
    }
    AutoScaleSettings auto = (AutoScaleSettings) scale;
    return new com.azure.resourcemanager.batch.models.ScaleSettings()
        .withAutoScale(
            new com.azure.resourcemanager.batch.models.AutoScaleSettings()
                .withFormula(auto.formula())
                .withEvaluationInterval(auto.evaluationInterval()));
  }

  private static com.azure.resourcemanager.batch.models.StartTask startTask(
      StartTaskSettings task) {
    if (task == null) {
      return null;
    }
    return new com.azure.resourcemanager.batch.models.StartTask()
        .withCommandLine(task.commandLine())
        .withWaitForSuccess(task.waitForSuccess())
        .withMaxTaskRetryCount(task.maxTaskRetryCount())
        .withEnvironmentSettings(
            task.environment().entrySet().stream()
                .map(e -> new EnvironmentSetting().withName(e.getKey()).withValue(e.getValue()))
                .toList())
        .withUserIdentity(
            new UserIdentity()
                .withAutoUser(
                    new AutoUserSpecification()
                        .withScope(AutoUserScope.POOL)
                        .withElevationLevel(ElevationLevel.fromString(task.elevationLevel()))));
  }

  private static List<MetadataItem> metadata(Map<String, String> metadata) {
    return metadata.entrySet().stream()
        .map(e -> new MetadataItem().withName(e.getKey()).withValue(e.getValue()))
        .toList();
  }

  static PoolInfo info(PoolInner inner) {
    ResizeOperationStatus resize = inner.resizeOperationStatus();
    VirtualMachineConfiguration vm =
        inner.deploymentConfiguration() == null
            ? null
            : inner.deploymentConfiguration().virtualMachineConfiguration();
    return new PoolInfo(
        inner.id(),
        inner.name(),
        inner.etag(),
        inner.provisioningState() == null ? null : inner.provisioningState().toString(),
        inner.allocationState() == null ? null : inner.allocationState().toString(),
        inner.vmSize(),
        vm == null || vm.imageReference() == null ? null : image(vm.imageReference()),
        vm == null ? null : vm.nodeAgentSkuId(),
        scale(inner.scaleSettings()),
        inner.currentDedicatedNodes() == null ? 0 : inner.currentDedicatedNodes(),
        inner.currentLowPriorityNodes() == null ? 0 : inner.currentLowPriorityNodes(),
        inner.taskSlotsPerNode(),
        resize == null ? null : resize.startTime(),
        resize == null || resize.errors() == null
            ? List.of()
            : resize.errors().stream()
                .map(e -> new PoolResizeError(e.code(), e.message()))
                .toList(),
        startTask(inner.startTask()),
        metadataMap(inner.metadata()));
  }

  private static ImageReference image(
      com.azure.resourcemanager.batch.models.ImageReference reference) {
    return reference.id() != null
        ? new ImageById(reference.id())
        : new MarketplaceImageReference(
            reference.publisher(), reference.offer(), reference.sku(), reference.version());
  }

  private static ScaleSettings scale(
      com.azure.resourcemanager.batch.models.ScaleSettings settings) {
    if (settings == null) {
      return null;
    }
    if (settings.autoScale() != null) {
      return new AutoScaleSettings(
          settings.autoScale().formula(), settings.autoScale().evaluationInterval());
    }
    com.azure.resourcemanager.batch.models.FixedScaleSettings fixed = settings.fixedScale();
    if (fixed == null) {
      return null;
    }
    return new FixedScaleSettings(
        fixed.targetDedicatedNodes() == null ? 0 : fixed.targetDedicatedNodes(),
        fixed.targetLowPriorityNodes() == null ? 0 : fixed.targetLowPriorityNodes(),
        fixed.resizeTimeout(),
        // Unknown: Batch leaves it out of GET and list answers (it belongs to the resize).
        null);
  }

  private static StartTaskSettings startTask(
      com.azure.resourcemanager.batch.models.StartTask task) {
    if (task == null) {
      return null;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (task.environmentSettings() != null) {
      task.environmentSettings().forEach(s -> environment.put(s.name(), s.value()));
    }
    String elevation =
        task.userIdentity() != null
                && task.userIdentity().autoUser() != null
                && task.userIdentity().autoUser().elevationLevel() != null
            ? task.userIdentity().autoUser().elevationLevel().toString()
            : "NonAdmin";
    return new StartTaskSettings(
        task.commandLine(),
        !Boolean.FALSE.equals(task.waitForSuccess()),
        task.maxTaskRetryCount() == null ? 0 : task.maxTaskRetryCount(),
        environment,
        elevation);
  }

  private static Map<String, String> metadataMap(List<MetadataItem> items) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (items != null) {
      items.forEach(item -> metadata.put(item.name(), item.value()));
    }
    return metadata;
  }
}
