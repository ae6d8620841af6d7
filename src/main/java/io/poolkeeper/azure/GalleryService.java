package io.poolkeeper.azure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Compute Galleries: galleries and image definitions are created when missing and never
 * deleted; image versions are created, updated, read with their replication status and deleted.
 */
public interface GalleryService {

  /**
   * Makes sure the gallery exists: returns its provisioning state, or starts creating it and
   * returns {@code Creating}.
   */
  String ensureGallery(GalleryImageVersionRef version, String location, Map<String, String> tags);

  /**
   * Makes sure the image definition exists (the gallery must): returns its provisioning state, or
   * starts creating it and returns {@code Creating}.
   */
  String ensureImageDefinition(ImageDefinition definition);

  /** Starts creating or updating an image version and returns once Azure accepted it. */
  void beginCreateOrUpdateVersion(ImageVersionDefinition definition);

  /** The version with its replication status, or empty when it does not exist. */
  Optional<ImageVersionInfo> getVersion(GalleryImageVersionRef version);

  /** Starts deleting a version. A version that does not exist is already deleted. */
  void beginDeleteVersion(GalleryImageVersionRef version);

  /** An image definition: OS, generation and identifier shared by its versions. */
  record ImageDefinition(
      GalleryImageVersionRef version,
      String location,
      String osType,
      String osState,
      String hyperVGeneration,
      String publisher,
      String offer,
      String sku) {}

  /** A region a version is replicated to. */
  record TargetRegion(String name, int replicaCount, String storageAccountType) {}

  /** The version Poolkeeper wants in Azure. */
  record ImageVersionDefinition(
      GalleryImageVersionRef version,
      String location,
      String sourceImageId,
      List<TargetRegion> targetRegions,
      boolean excludeFromLatest,
      OffsetDateTime endOfLifeDate,
      Map<String, String> tags) {
    public ImageVersionDefinition {
      targetRegions = List.copyOf(targetRegions);
      tags = Map.copyOf(tags);
    }
  }

  /** Replication of a version to one region. */
  record RegionReplication(String region, String state, int progress) {}

  /** A version as Azure reports it. */
  record ImageVersionInfo(
      String id,
      String provisioningState,
      String sourceImageId,
      List<TargetRegion> targetRegions,
      String aggregatedReplicationState,
      List<RegionReplication> replication,
      boolean excludeFromLatest,
      Map<String, String> tags) {
    public ImageVersionInfo {
      targetRegions = List.copyOf(targetRegions);
      replication = List.copyOf(replication);
      tags = Map.copyOf(tags);
    }
  }
}
