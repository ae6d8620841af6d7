package io.poolkeeper.galleryimageversion;

import io.poolkeeper.api.GalleryImageVersionStatus;
import io.poolkeeper.api.GalleryImageVersionStatus.Demand;
import io.poolkeeper.api.GalleryImageVersionStatus.RegionReplication;
import io.poolkeeper.api.UsedBy;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import io.poolkeeper.azure.GalleryService.ReplicationProgress;
import io.poolkeeper.galleryimageversion.GalleryImageVersionDecision.Observation;
import io.poolkeeper.galleryimageversion.VersionChanges.Wanted;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.ImageUsers;
import io.poolkeeper.operator.PendingOperations;
import io.poolkeeper.policy.ReplicaPolicy.PoolDemand;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of a GalleryImageVersion, built in one place: what Azure reports of the version, its
 * replication region by region with the replica count asked, the pools' demand and who uses it, and
 * the Replicated and InUse conditions.
 */
final class VersionStatus {

  private VersionStatus() {}

  /** The status for what was observed and wanted. */
  static GalleryImageVersionStatus of(
      GalleryImageVersionStatus previous,
      long generation,
      Observation observed,
      Wanted wanted,
      List<PoolDemand> demand,
      String provisioningState,
      boolean owned) {
    ImageVersionInfo version = observed.version().orElse(null);
    GalleryImageVersionStatus status = new GalleryImageVersionStatus();
    status.setObservedGeneration(generation);
    // Only a version this object created or adopted is recorded as its own (see ownedBy).
    status.setImageVersionResourceId(owned ? observed.ref().resourceId() : null);
    status.setProvisioningState(provisioningState);
    status.setReplicationState(version == null ? null : version.aggregatedReplicationState());
    status.setReplication(
        version == null
            ? null
            : replication(
                version, wanted.targets(), previous == null ? null : previous.getReplication()));
    Demand total = new Demand();
    total.setPools(demand.size());
    total.setNodes(demand.stream().mapToInt(PoolDemand::nodes).sum());
    status.setDemand(total);
    status.setUsedBy(observed.users().isEmpty() ? null : observed.users());
    status.setPendingOperation(
        PendingOperations.stillPending(previous, observed.pendingOperation()));
    return status;
  }

  private static List<RegionReplication> replication(
      ImageVersionInfo version, List<ReplicaTarget> targets, List<RegionReplication> before) {
    List<RegionReplication> regions = new ArrayList<>();
    for (ReplicaTarget target : targets) {
      ReplicationProgress progress = progressIn(version, target.region());
      RegionReplication region = new RegionReplication();
      region.setRegion(target.region());
      region.setState(progress == null ? "Unknown" : progress.state());
      region.setProgress(progress == null ? 0 : progress.progress());
      region.setReplicaCount(target.replicaCount());
      region.setUsable(usable(region.getState(), wasUsable(before, target.region())));
      regions.add(region);
    }
    return regions;
  }

  /**
   * A region is usable once it completed, and stays usable while Azure replicates it again (a new
   * replica count or storage type) unless replication fails: raising the replica count as pools are
   * added must not stop those pools from growing.
   */
  static boolean usable(String state, boolean usableBefore) {
    if ("Completed".equalsIgnoreCase(state)) {
      return true;
    }
    return usableBefore && "Replicating".equalsIgnoreCase(state);
  }

  private static boolean wasUsable(List<RegionReplication> before, String region) {
    return before != null
        && before.stream()
            .anyMatch(
                replica ->
                    region.equalsIgnoreCase(replica.getRegion())
                        && Boolean.TRUE.equals(replica.getUsable()));
  }

  static Conditions.Wanted replicated(
      ImageVersionInfo version, Wanted wanted, boolean changing, List<String> outside) {
    String extra = outside.isEmpty() ? "" : " " + String.join(" ", outside);
    if (version == null) {
      return new Conditions.Wanted(
          Conditions.REPLICATED,
          false,
          "NotCreated",
          "The version does not exist in Azure yet." + extra);
    }
    if (!changing && replicatedEverywhere(version, wanted.targets())) {
      return new Conditions.Wanted(
          Conditions.REPLICATED,
          true,
          "Replicated",
          "Replicated to " + describeTargets(wanted.targets()) + "." + extra);
    }
    boolean failed =
        wanted.targets().stream()
            .anyMatch(t -> "Failed".equalsIgnoreCase(stateIn(version, t.region())));
    return new Conditions.Wanted(
        Conditions.REPLICATED,
        false,
        failed ? "ReplicationFailed" : "Replicating",
        describeReplication(version, wanted.targets()) + "." + extra);
  }

  static Conditions.Wanted inUse(List<UsedBy> users, boolean deleting) {
    if (users.isEmpty()) {
      return new Conditions.Wanted(Conditions.IN_USE, false, "NotInUse", "No BatchPool uses it.");
    }
    return new Conditions.Wanted(
        Conditions.IN_USE,
        true,
        deleting ? "DeletionBlocked" : "InUse",
        "Used by " + ImageUsers.describe(users) + ".");
  }

  static boolean replicatedEverywhere(ImageVersionInfo version, List<ReplicaTarget> targets) {
    return targets.stream().allMatch(t -> version.replicatedTo(t.region()));
  }

  private static ReplicationProgress progressIn(ImageVersionInfo version, String region) {
    return version.replication().stream()
        .filter(r -> r.region().equals(region))
        .findFirst()
        .orElse(null);
  }

  static String stateIn(ImageVersionInfo version, String region) {
    ReplicationProgress progress = progressIn(version, region);
    return progress == null ? null : progress.state();
  }

  /** "westeurope Completed, northeurope Replicating 40 %" */
  static String describeReplication(ImageVersionInfo version, List<ReplicaTarget> targets) {
    List<String> regions = new ArrayList<>();
    for (ReplicaTarget target : targets) {
      ReplicationProgress progress = progressIn(version, target.region());
      if (progress == null) {
        regions.add(target.region() + " not started");
      } else if ("Completed".equalsIgnoreCase(progress.state())) {
        regions.add(target.region() + " " + progress.state());
      } else {
        regions.add(target.region() + " " + progress.state() + " " + progress.progress() + " %");
      }
    }
    return String.join(", ", regions);
  }

  /** "westeurope (5 replicas), northeurope (1 replica)" */
  static String describeTargets(List<ReplicaTarget> targets) {
    return String.join(
        ", ",
        targets.stream()
            .map(t -> t.region() + " (" + VersionChanges.replicas(t.replicaCount()) + ")")
            .toList());
  }
}
