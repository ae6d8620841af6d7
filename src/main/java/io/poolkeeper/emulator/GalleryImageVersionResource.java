package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A gallery image version and the replication of its target regions. Each region replicates for the
 * configured duration from the moment it was added or changed (replica count or storage type);
 * unchanged regions keep their progress across updates.
 */
final class GalleryImageVersionResource extends ArmResource {

  /** One target region's replication, from {@code start} to {@code end}. */
  private record Replica(
      String region, int count, String storageAccountType, Instant start, Instant end) {

    boolean sameAs(String otherRegion, int otherCount, String otherStorage) {
      return ResourceHandler.normalizeLocation(region)
              .equals(ResourceHandler.normalizeLocation(otherRegion))
          && count == otherCount
          && storageAccountType.equalsIgnoreCase(otherStorage);
    }
  }

  private List<Replica> replicas = List.of();

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
              .map(existing -> new Replica(name, count, storage, existing.start(), existing.end()))
              .orElseGet(() -> new Replica(name, count, storage, now, now.plus(duration)));
      next.add(replica);
      if (replica.end().isAfter(last)) {
        last = replica.end();
      }
    }
    replicas = List.copyOf(next);
    return last;
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
          .put("region", replica.region())
          .put("state", failed ? "Failed" : done ? "Completed" : "Replicating")
          .put("details", "")
          .put("progress", progress);
    }
    status.put("aggregatedState", failed ? "Failed" : allDone ? "Completed" : "InProgress");
    status.set("summary", summary);
    return status;
  }
}
