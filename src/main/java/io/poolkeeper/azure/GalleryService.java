package io.poolkeeper.azure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Compute Galleries: galleries and image definitions are created when missing and never
 * deleted; image versions are created, changed by PATCHes of what changed (never a re-PUT of their
 * source), read with their replication status and deleted. Every region this port reports is a
 * programmatic name ({@code westeurope}), whatever Azure answered.
 */
public interface GalleryService {

  /**
   * Makes sure the gallery exists: returns its provisioning state, or starts creating it and
   * returns {@code Creating}.
   */
  String ensureGallery(GalleryImageVersionRef version, String location, Map<String, String> tags);

  /** The provisioning state of the version's gallery, or empty when the gallery does not exist. */
  Optional<String> getGalleryState(GalleryImageVersionRef version);

  /**
   * Makes sure the image definition exists (the gallery must): returns its provisioning state, or
   * starts creating it and returns {@code Creating}.
   */
  String ensureImageDefinition(ImageDefinitionSettings definition);

  /** The image definition of the version, or empty when it does not exist. */
  Optional<ImageDefinitionInfo> getImageDefinition(GalleryImageVersionRef version);

  /** Starts creating an image version and returns the operation once Azure accepted it. */
  AzureOperation beginCreateVersion(ImageVersionDefinition definition);

  /** Starts a PATCH of what changed in a version; the source is never sent again. */
  AzureOperation beginUpdateVersion(ImageVersionUpdate update);

  /** The version with its replication status, or empty when it does not exist. */
  Optional<ImageVersionInfo> getVersion(GalleryImageVersionRef version);

  /**
   * Starts deleting a version. A version that does not exist is already deleted: the operation is
   * then {@link AzureOperation#completed()}.
   */
  AzureOperation beginDeleteVersion(GalleryImageVersionRef version);

  /** An image definition to create: OS, generation and identifier shared by its versions. */
  record ImageDefinitionSettings(
      GalleryImageVersionRef version,
      String location,
      String osType,
      String osState,
      String hyperVGeneration,
      String publisher,
      String offer,
      String sku) {}

  /** An image definition as Azure reports it. */
  record ImageDefinitionInfo(
      String id,
      String provisioningState,
      String osType,
      String osState,
      String hyperVGeneration,
      String publisher,
      String offer,
      String sku) {}

  /** A region a version is replicated to, with its replica count and storage type. */
  record ReplicaTarget(String region, int replicaCount, String storageAccountType) {
    public ReplicaTarget {
      region = Regions.programmaticName(region);
    }
  }

  /** The version Poolkeeper wants in Azure. */
  record ImageVersionDefinition(
      GalleryImageVersionRef version,
      String location,
      String sourceImageId,
      List<ReplicaTarget> targetRegions,
      boolean excludeFromLatest,
      OffsetDateTime endOfLifeDate,
      Map<String, String> tags) {
    public ImageVersionDefinition {
      targetRegions = List.copyOf(targetRegions);
      tags = Map.copyOf(tags);
    }
  }

  /**
   * What a PATCH of a version changes; {@code null} members are left as they are. Target regions
   * are replaced as a whole. Removing a region that is already replicated needs {@code
   * allowDeletionOfReplicatedLocations}, which Azure refuses otherwise.
   */
  record ImageVersionUpdate(
      GalleryImageVersionRef version,
      List<ReplicaTarget> targetRegions,
      Boolean excludeFromLatest,
      OffsetDateTime endOfLifeDate,
      Map<String, String> tags,
      Boolean allowDeletionOfReplicatedLocations) {
    public ImageVersionUpdate {
      targetRegions = targetRegions == null ? null : List.copyOf(targetRegions);
      tags = tags == null ? null : Map.copyOf(tags);
    }
  }

  /** Replication of a version to one region. */
  record ReplicationProgress(String region, String state, int progress) {
    public ReplicationProgress {
      region = Regions.programmaticName(region);
    }
  }

  /** A version as Azure reports it. */
  record ImageVersionInfo(
      String id,
      String location,
      String provisioningState,
      String sourceImageId,
      List<ReplicaTarget> targetRegions,
      String aggregatedReplicationState,
      List<ReplicationProgress> replication,
      boolean excludeFromLatest,
      OffsetDateTime endOfLifeDate,
      Map<String, String> tags) {
    public ImageVersionInfo {
      location = Regions.programmaticName(location);
      targetRegions = List.copyOf(targetRegions);
      replication = List.copyOf(replication);
      tags = Map.copyOf(tags);
    }

    /** Whether the version has fully replicated to {@code region} (any spelling). */
    public boolean replicatedTo(String region) {
      String wanted = Regions.programmaticName(region);
      return replication.stream()
          .anyMatch(r -> r.region().equals(wanted) && "Completed".equalsIgnoreCase(r.state()));
    }
  }
}
