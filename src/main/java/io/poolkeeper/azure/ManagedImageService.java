package io.poolkeeper.azure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Managed images ({@code Microsoft.Compute/images}): the source of gallery image versions. An
 * image's source cannot change in Azure; only its tags can, by a PATCH of the tags alone.
 */
public interface ManagedImageService {

  /**
   * Starts creating an image and returns as soon as Azure accepted the request, with the operation
   * to follow ({@link OperationService}); {@link #get} shows the provisioning state too.
   */
  AzureOperation beginCreate(ManagedImageDefinition definition);

  /** Starts replacing the image's tags (PATCH of {@code tags} only; the source is not sent). */
  AzureOperation beginUpdateTags(ImageRef image, Map<String, String> tags);

  /** The image as Azure has it, or empty when it does not exist. */
  Optional<ManagedImageInfo> get(ImageRef image);

  /**
   * Starts deleting an image. An image that does not exist is already deleted: the operation is
   * then {@link AzureOperation#completed()}.
   */
  AzureOperation beginDelete(ImageRef image);

  /** What an image is made from. */
  sealed interface Source {}

  /** Snapshots of a prepared VM's OS disk and data disks: the recommended source. */
  record SnapshotSource(
      String osDiskSnapshotId, String osType, String osState, List<DataDiskSnapshot> dataDisks)
      implements Source {
    public SnapshotSource {
      dataDisks = List.copyOf(dataDisks);
    }
  }

  /** A data-disk snapshot attached at a LUN. */
  record DataDiskSnapshot(int lun, String snapshotId) {}

  /** A generalized VM. */
  record VirtualMachineSource(String virtualMachineId) implements Source {}

  /** A generalized VHD in a storage account. */
  record VhdSource(String blobUri, String osType) implements Source {}

  /** The image Poolkeeper wants in Azure. */
  record ManagedImageDefinition(
      ImageRef image,
      String location,
      String hyperVGeneration,
      Source source,
      Map<String, String> tags) {
    public ManagedImageDefinition {
      tags = Map.copyOf(tags);
    }
  }

  /**
   * An image as Azure reports it.
   *
   * @param location programmatic region name ({@code westeurope})
   * @param osType {@code Linux} or {@code Windows}, from the OS disk
   * @param osState {@code Generalized} or {@code Specialized}, from the OS disk
   * @param hyperVGeneration {@code V1} or {@code V2}
   * @param osDiskSnapshotId the OS-disk snapshot it was made from, if it was
   */
  record ManagedImageInfo(
      String id,
      String location,
      String provisioningState,
      String osType,
      String osState,
      String hyperVGeneration,
      String osDiskSnapshotId,
      List<DataDiskSnapshot> dataDisks,
      Map<String, String> tags) {
    public ManagedImageInfo {
      location = Regions.programmaticName(location);
      dataDisks = List.copyOf(dataDisks);
      tags = Map.copyOf(tags);
    }
  }
}
