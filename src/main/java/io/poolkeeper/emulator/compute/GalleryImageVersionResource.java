package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.AzureRegions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gallery image version and the replication of its target regions. Each region replicates for the
 * configured duration from the moment it was added or changed (replica count or storage type);
 * unchanged regions keep their progress across updates. A region taken out of the targets is
 * remembered with the moment it went, so that pools growing from the version fail from then on.
 *
 * <p>Public because a Batch pool asks it since when a region has had no complete replica.
 */
public final class GalleryImageVersionResource extends ArmResource {

  /**
   * One target region's replication, from {@code start} to {@code end}; VMs can be made from it
   * from {@code usableFrom}: its end, or for a region whose replica count or storage changed after
   * it had completed, the moment it first completed (Azure keeps serving the replicas it has while
   * it adds or changes others).
   */
  private record Replica(
      String region,
      int count,
      String storageAccountType,
      Instant start,
      Instant end,
      Instant usableFrom) {

    boolean sameAs(String otherRegion, int otherCount, String otherStorage) {
      return AzureRegions.same(region, otherRegion)
          && count == otherCount
          && storageAccountType.equalsIgnoreCase(otherStorage);
    }
  }

  private List<Replica> replicas = List.of();
  private final Map<String, Instant> removedAt = new HashMap<>();

  GalleryImageVersionResource(ResourceId id, ObjectNode document) {
    super(id, document);
  }

  /**
   * Replicates to the document's target regions: new and changed regions start now, the others
   * carry on. Returns when the last region completes.
   */
  Instant replicate(Instant now, Duration duration) {
    JsonNode regions =
        document().path("properties").path("publishingProfile").path("targetRegions");
    List<Replica> next = new ArrayList<>();
    Instant last = now;
    for (JsonNode region : regions) {
      String name = region.path("name").asText();
      int count = region.path("regionalReplicaCount").asInt(1);
      String storage = region.path("storageAccountType").asText("Standard_LRS");
      Replica replica =
          replicas.stream()
              .filter(existing -> existing.sameAs(name, count, storage))
              .findFirst()
              .orElseGet(() -> changed(name, count, storage, now, duration));
      next.add(replica);
      if (replica.end().isAfter(last)) {
        last = replica.end();
      }
    }
    for (Replica before : replicas) {
      if (next.stream().noneMatch(after -> AzureRegions.same(after.region(), before.region()))) {
        removedAt.put(AzureRegions.programmaticName(before.region()), now);
      }
    }
    for (Replica after : next) {
      removedAt.remove(AzureRegions.programmaticName(after.region()));
    }
    replicas = List.copyOf(next);
    return last;
  }

  /**
   * A new or changed region's replication from {@code now}; a region that had completed stays
   * usable meanwhile.
   */
  private Replica changed(
      String region, int count, String storage, Instant now, Duration duration) {
    Instant end = now.plus(duration);
    Instant usableFrom =
        replica(region)
            .filter(before -> !now.isBefore(before.usableFrom()))
            .map(Replica::usableFrom)
            .orElse(end);
    return new Replica(region, count, storage, now, end, usableFrom);
  }

  /** Whether the region's replica has completed by {@code at}; false if it is not a target. */
  boolean isReplicated(String region, Instant at) {
    return replica(region).map(replica -> !at.isBefore(replica.end())).orElse(false);
  }

  /**
   * Since when a pool whose resize started at {@code resizeStart} cannot take new nodes from this
   * version in {@code region}: the resize start if the region's replica was not complete by then,
   * the moment the region was taken out of the targets, or {@code null} while it can.
   */
  public Instant unavailableInRegionSince(String region, Instant resizeStart) {
    Optional<Replica> replica = replica(region);
    if (replica.isPresent()) {
      return resizeStart.isBefore(replica.get().usableFrom()) ? resizeStart : null;
    }
    return removedAt.getOrDefault(AzureRegions.programmaticName(region), Instant.EPOCH);
  }

  private Optional<Replica> replica(String region) {
    return replicas.stream()
        .filter(replica -> AzureRegions.same(replica.region(), region))
        .findFirst();
  }

  /** {@code replicationStatus} as {@code $expand=ReplicationStatus} shows it. */
  ObjectNode replicationStatus(Instant now) {
    boolean failed = provisioningFailure() != null && !isProvisioning(now);
    boolean allDone = true;
    ObjectNode status = EmulatorJson.object();
    ArrayNode summary = EmulatorJson.array();
    for (Replica replica : replicas) {
      boolean done = !now.isBefore(replica.end());
      allDone &= done;
      long total = Duration.between(replica.start(), replica.end()).toMillis();
      long elapsed = Duration.between(replica.start(), now).toMillis();
      int progress = done || total == 0 ? 100 : (int) Math.min(99, elapsed * 100 / total);
      summary
          .addObject()
          .put("region", AzureRegions.displayName(replica.region()))
          .put("state", failed ? "Failed" : done ? "Completed" : "Replicating")
          .put("details", "")
          .put("progress", progress);
    }
    status.put("aggregatedState", failed ? "Failed" : allDone ? "Completed" : "InProgress");
    status.set("summary", summary);
    return status;
  }
}
