package io.poolkeeper.galleryimageversion;

import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ImageVersionUpdate;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between a version in Azure and the version wanted, as one PATCH of only what
 * differs: target regions (replaced as a whole), excludeFromLatest, endOfLifeDate and tags. Regions
 * compare by programmatic name, so Azure's display names are no difference.
 */
final class VersionChanges {

  /** Azure's default storage type of a replica. */
  static final String DEFAULT_STORAGE = "Standard_LRS";

  private VersionChanges() {}

  /**
   * The version Poolkeeper wants in Azure.
   *
   * @param targets regions in the spec's order, with the replica counts the policy chose
   * @param endOfLifeDate {@code null} when the spec leaves it to Azure
   */
  record Wanted(
      List<ReplicaTarget> targets,
      boolean excludeFromLatest,
      OffsetDateTime endOfLifeDate,
      Map<String, String> tags) {}

  /** One PATCH, and what it changes in words. */
  record Change(ImageVersionUpdate update, List<String> descriptions) {}

  /** The PATCH that makes {@code azure} the wanted version, or empty when they match. */
  static Optional<Change> between(
      GalleryImageVersionRef ref, ImageVersionInfo azure, Wanted wanted) {
    List<String> descriptions = new ArrayList<>();
    List<String> regionChanges = regionChanges(azure.targetRegions(), wanted.targets());
    List<ReplicaTarget> targets = null;
    Boolean allowDeletionOfReplicatedLocations = null;
    if (!regionChanges.isEmpty()) {
      targets = wanted.targets();
      descriptions.addAll(regionChanges);
      // The user took the region out of the spec: Azure refuses to drop a replicated region
      // unless the PATCH allows it.
      if (azure.targetRegions().stream()
          .anyMatch(t -> find(wanted.targets(), t.region()) == null)) {
        allowDeletionOfReplicatedLocations = true;
      }
    }
    Boolean excludeFromLatest = null;
    if (azure.excludeFromLatest() != wanted.excludeFromLatest()) {
      excludeFromLatest = wanted.excludeFromLatest();
      descriptions.add("excludeFromLatest " + wanted.excludeFromLatest());
    }
    OffsetDateTime endOfLifeDate = null;
    if (wanted.endOfLifeDate() != null
        && (azure.endOfLifeDate() == null
            || !azure.endOfLifeDate().isEqual(wanted.endOfLifeDate()))) {
      endOfLifeDate = wanted.endOfLifeDate();
      descriptions.add("endOfLifeDate " + wanted.endOfLifeDate());
    }
    Map<String, String> tags = null;
    if (!wanted.tags().equals(azure.tags())) {
      tags = wanted.tags();
      descriptions.add("tags");
    }
    if (descriptions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Change(
            new ImageVersionUpdate(
                ref,
                targets,
                excludeFromLatest,
                endOfLifeDate,
                tags,
                allowDeletionOfReplicatedLocations),
            descriptions));
  }

  /** The region of that name, or {@code null}; names are programmatic on both sides. */
  static ReplicaTarget find(List<ReplicaTarget> targets, String region) {
    return targets.stream().filter(t -> t.region().equals(region)).findFirst().orElse(null);
  }

  private static List<String> regionChanges(List<ReplicaTarget> azure, List<ReplicaTarget> wanted) {
    List<String> changes = new ArrayList<>();
    for (ReplicaTarget want : wanted) {
      ReplicaTarget have = find(azure, want.region());
      if (have == null) {
        changes.add(
            want.region()
                + " added ("
                + replicas(want.replicaCount())
                + ", "
                + storage(want)
                + ")");
        continue;
      }
      if (have.replicaCount() != want.replicaCount()) {
        changes.add(
            want.region() + " " + have.replicaCount() + " -> " + replicas(want.replicaCount()));
      }
      if (!storage(have).equalsIgnoreCase(storage(want))) {
        changes.add(want.region() + " storage " + storage(have) + " -> " + storage(want));
      }
    }
    for (ReplicaTarget have : azure) {
      if (find(wanted, have.region()) == null) {
        changes.add(have.region() + " removed");
      }
    }
    return changes;
  }

  static String replicas(int count) {
    return count + (count == 1 ? " replica" : " replicas");
  }

  private static String storage(ReplicaTarget target) {
    return Objects.requireNonNullElse(target.storageAccountType(), DEFAULT_STORAGE);
  }
}
