package io.poolkeeper.azure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Managed images ({@code Microsoft.Compute/images}): the source of gallery image versions. */
public interface ManagedImageService {

  /**
   * Starts creating (or updating the tags of) an image and returns as soon as Azure accepted the
   * request; {@link #get} shows the provisioning state on later reconciles.
   */
  void beginCreateOrUpdate(ManagedImageDefinition definition);

  /** The image as Azure has it, or empty when it does not exist. */
  Optional<ManagedImageInfo> get(ImageRef image);

  /** Starts deleting an image. An image that does not exist is already deleted. */
  void beginDelete(ImageRef image);

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

  /** An image as Azure reports it. */
  record ManagedImageInfo(
      String id,
      String location,
      String provisioningState,
      String hyperVGeneration,
      String osDiskSnapshotId,
      List<DataDiskSnapshot> dataDisks,
      Map<String, String> tags) {
    public ManagedImageInfo {
      dataDisks = List.copyOf(dataDisks);
      tags = Map.copyOf(tags);
    }
  }
}
