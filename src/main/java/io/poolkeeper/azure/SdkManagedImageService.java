package io.poolkeeper.azure;

import com.azure.core.management.SubResource;
import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.ImagesClient;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.azure.resourcemanager.compute.models.HyperVGenerationTypes;
import com.azure.resourcemanager.compute.models.ImageDataDisk;
import com.azure.resourcemanager.compute.models.ImageOSDisk;
import com.azure.resourcemanager.compute.models.ImageStorageProfile;
import com.azure.resourcemanager.compute.models.ImageUpdate;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link ManagedImageService} on azure-resourcemanager-compute. */
final class SdkManagedImageService implements ManagedImageService {

  private final Function<String, ComputeManager> compute;

  SdkManagedImageService(Function<String, ComputeManager> compute) {
    this.compute = compute;
  }

  @Override
  public AzureOperation beginCreate(ManagedImageDefinition definition) {
    ImageRef image = definition.image();
    ImageInner body =
        new ImageInner()
            .withLocation(definition.location())
            .withTags(definition.tags())
            .withHyperVGeneration(HyperVGenerationTypes.fromString(definition.hyperVGeneration()))
            .withStorageProfile(storageProfile(definition.source()));
    if (definition.source() instanceof VirtualMachineSource vm) {
      body.withSourceVirtualMachine(new SubResource().withId(vm.virtualMachineId()));
    }
    return OperationCapture.start(
        context ->
            images(image).beginCreateOrUpdate(image.resourceGroup(), image.name(), body, context));
  }

  @Override
  public AzureOperation beginUpdateTags(ImageRef image, Map<String, String> tags) {
    // A PATCH of the tags alone: an image's source can never change, so it is never sent again.
    ImageUpdate body = new ImageUpdate().withTags(tags);
    return OperationCapture.start(
        context -> images(image).beginUpdate(image.resourceGroup(), image.name(), body, context));
  }

  @Override
  public Optional<ManagedImageInfo> get(ImageRef image) {
    return AzureErrors.find(
            () ->
                images(image)
                    .getByResourceGroupWithResponse(
                        image.resourceGroup(), image.name(), null, Context.NONE)
                    .getValue())
        .map(SdkManagedImageService::info);
  }

  @Override
  public AzureOperation beginDelete(ImageRef image) {
    return OperationCapture.startDelete(
        context -> images(image).beginDelete(image.resourceGroup(), image.name(), context));
  }

  private ImagesClient images(ImageRef image) {
    return compute.apply(image.subscriptionId()).serviceClient().getImages();
  }

  private static ImageStorageProfile storageProfile(Source source) {
    if (source instanceof SnapshotSource snapshots) {
      return new ImageStorageProfile()
          .withOsDisk(
              new ImageOSDisk()
                  .withOsType(OperatingSystemTypes.fromString(snapshots.osType()))
                  .withOsState(OperatingSystemStateTypes.fromString(snapshots.osState()))
                  .withSnapshot(new SubResource().withId(snapshots.osDiskSnapshotId())))
          .withDataDisks(
              snapshots.dataDisks().stream()
                  .map(
                      disk ->
                          new ImageDataDisk()
                              .withLun(disk.lun())
                              .withSnapshot(new SubResource().withId(disk.snapshotId())))
                  .toList());
    }
    if (source instanceof VhdSource vhd) {
      return new ImageStorageProfile()
          .withOsDisk(
              new ImageOSDisk()
                  .withOsType(OperatingSystemTypes.fromString(vhd.osType()))
                  .withOsState(OperatingSystemStateTypes.GENERALIZED)
                  .withBlobUri(vhd.blobUri()));
    }
    // A VM source: Azure takes the disks from the VM.
    return null;
  }

  private static ManagedImageInfo info(ImageInner inner) {
    ImageStorageProfile storage = inner.storageProfile();
    ImageOSDisk osDisk = storage == null ? null : storage.osDisk();
    String osDiskSnapshot =
        osDisk != null && osDisk.snapshot() != null ? osDisk.snapshot().id() : null;
    List<DataDiskSnapshot> dataDisks =
        storage == null || storage.dataDisks() == null
            ? List.of()
            : storage.dataDisks().stream()
                .map(
                    d ->
                        new DataDiskSnapshot(
                            d.lun(), d.snapshot() == null ? null : d.snapshot().id()))
                .toList();
    return new ManagedImageInfo(
        inner.id(),
        inner.location(),
        inner.provisioningState(),
        osDisk == null || osDisk.osType() == null ? null : osDisk.osType().toString(),
        osDisk == null || osDisk.osState() == null ? null : osDisk.osState().toString(),
        inner.hyperVGeneration() == null ? null : inner.hyperVGeneration().toString(),
        osDiskSnapshot,
        dataDisks,
        inner.tags() == null ? Map.of() : inner.tags());
  }
}
