package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmGateway;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.ArmRouter;
import io.poolkeeper.emulator.arm.ArmTags;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.ResourceHandler;
import io.poolkeeper.emulator.arm.ResourceId;
import io.poolkeeper.emulator.arm.Timestamps;
import io.poolkeeper.emulator.batch.BatchAccountHandler;
import io.poolkeeper.emulator.batch.PoolResource;
import io.poolkeeper.emulator.compute.ReferencedResourceHandler;
import io.poolkeeper.emulator.compute.SnapshotHandler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a test or a user controls in the emulator: seeding what the operator presupposes
 * (subscriptions, resource groups, snapshots, Batch accounts, disks and VMs that images are made
 * from), the clock, faults, changes made in Azure by someone else ("drift"), request counters and a
 * full reset. The REST admin API under {@code /_emulator/} calls these methods.
 */
public final class EmulatorAdmin {

  private final EmulatorState state;
  private final ArmGateway gateway;
  private final ArmRouter router;
  private final URI endpoint;

  EmulatorAdmin(EmulatorState state, ArmGateway gateway, ArmRouter router, URI endpoint) {
    this.state = state;
    this.gateway = gateway;
    this.router = router;
    this.endpoint = endpoint;
  }

  /** Makes a subscription known; ARM requests to unknown subscriptions answer 404. */
  public void addSubscription(String subscriptionId) {
    synchronized (state) {
      state.store().addSubscription(subscriptionId);
    }
  }

  /** Creates (or keeps) a resource group, making its subscription known as well. */
  public void addResourceGroup(String subscriptionId, String name, String location) {
    synchronized (state) {
      settle();
      state.store().addSubscription(subscriptionId);
      ResourceId id = ResourceId.resourceGroup(subscriptionId, name);
      if (state.store().find(id).isEmpty()) {
        ObjectNode document =
            EmulatorJson.object().put("location", ResourceHandler.normalizeLocation(location));
        state.store().put(new ArmResource(id, document));
      }
    }
  }

  /** Seeds a snapshot in an existing resource group. */
  public void addSnapshot(SnapshotSeed seed) {
    synchronized (state) {
      ResourceId id = seededId(seed.id(), SnapshotHandler.TYPE);
      String location = locationOf(id, seed.location());
      state
          .store()
          .put(
              new ArmResource(
                  id,
                  SnapshotHandler.seededDocument(
                      seed, location, Timestamps.compute(state.clock().instant()))));
    }
  }

  /** Seeds a Batch account with its quotas in an existing resource group. */
  public void addBatchAccount(BatchAccountSeed seed) {
    synchronized (state) {
      ResourceId id = seededId(seed.id(), BatchAccountHandler.TYPE);
      String location = locationOf(id, seed.location());
      state
          .store()
          .put(new ArmResource(id, BatchAccountHandler.seededDocument(seed, id, location)));
    }
  }

  /**
   * Seeds a managed disk or virtual machine that images can be made from; {@code properties} is
   * stored and returned as given (a VM's {@code storageProfile.osDisk.osType} becomes the OS type
   * of an image made from it).
   */
  public void addReferencedResource(String resourceId, String location, JsonNode properties) {
    synchronized (state) {
      ResourceId id = ResourceId.parse(resourceId);
      boolean known =
          id.type().equalsIgnoreCase(ReferencedResourceHandler.DISKS)
              || id.type().equalsIgnoreCase(ReferencedResourceHandler.VIRTUAL_MACHINES);
      if (!known) {
        throw new IllegalArgumentException(
            "only disks and virtual machines can be seeded this way, not " + id.type());
      }
      id = seededId(resourceId, router.handlerFor(id.type()).type());
      ObjectNode document = EmulatorJson.object().put("location", locationOf(id, location));
      document.set(
          "properties",
          properties != null && properties.isObject()
              ? properties.deepCopy()
              : EmulatorJson.object());
      state.store().put(new ArmResource(id, document));
    }
  }

  /** The emulator clock's current instant. */
  public Instant now() {
    return state.clock().instant();
  }

  /** Moves the clock forward; what was due until then happens first. */
  public Instant advanceClock(Duration duration) {
    synchronized (state) {
      settle();
      return state.clock().advance(duration);
    }
  }

  public void addFault(FaultRule rule) {
    state.faults().add(rule);
  }

  public List<FaultRule> faults() {
    return state.faults().rules();
  }

  /**
   * The next resize of the pool ends Steady with the given resize error; each call queues one more,
   * so two calls fail the next two resizes.
   */
  public void failNextResize(ResizeFailure failure) {
    state.faults().failNextResize(failure);
  }

  /** The next create or update of the resource ends Failed with the given error. */
  public void failNextProvisioning(ProvisioningFailure failure) {
    state.faults().failNextProvisioning(failure);
  }

  /** Removes every fault rule and pending one-shot failure. */
  public void clearFaults() {
    state.faults().clear();
  }

  /**
   * Deletes a resource (or resource group) as someone else would in the portal: an ordinary ARM
   * DELETE, so management locks refuse it with 409 {@code ScopeLocked}.
   */
  public ArmOutcome deleteResource(String resourceId) {
    ResourceId id = ResourceId.parse(resourceId);
    return send("DELETE", id, null);
  }

  /** Resizes a pool out of band, keeping its other fixed-scale settings. */
  public ArmOutcome scalePool(String poolId, int targetDedicatedNodes, int targetLowPriorityNodes) {
    ResourceId id = ResourceId.parse(poolId);
    ObjectNode fixed;
    synchronized (state) {
      fixed =
          state
              .store()
              .find(id, PoolResource.class)
              .map(pool -> pool.properties().path("scaleSettings").path("fixedScale"))
              .filter(JsonNode::isObject)
              .map(node -> (ObjectNode) node.deepCopy())
              .orElseGet(EmulatorJson::object);
    }
    fixed.put("targetDedicatedNodes", targetDedicatedNodes);
    fixed.put("targetLowPriorityNodes", targetLowPriorityNodes);
    ObjectNode body = EmulatorJson.object();
    body.putObject("properties").putObject("scaleSettings").set("fixedScale", fixed);
    return send("PATCH", id, body);
  }

  /** Changes pool properties out of band (start task, metadata, ...), as a PATCH would. */
  public ArmOutcome updatePool(String poolId, JsonNode properties) {
    ObjectNode body = EmulatorJson.object();
    body.set("properties", properties);
    return send("PATCH", ResourceId.parse(poolId), body);
  }

  /**
   * Replaces the tags of a resource or resource group out of band; ARM's tag limits apply ({@link
   * ArmTags}), as they would to the portal.
   */
  public ArmOutcome setTags(String resourceId, Map<String, String> tags) {
    ResourceId id = ResourceId.parse(resourceId);
    ArmException refused = ArmTags.problem(EmulatorJson.tags(tags));
    if (refused != null) {
      return new ArmOutcome(refused.status(), refused.toResponse().body());
    }
    synchronized (state) {
      settle();
      ArmResource resource =
          state.store().find(id).filter(found -> !(found instanceof PoolResource)).orElse(null);
      if (resource == null) {
        return new ArmOutcome(404, ArmErrors.resourceNotFound(id).toResponse().body());
      }
      resource.document().set("tags", EmulatorJson.tags(tags));
      ObjectNode body = EmulatorJson.object().put("id", resource.id().toString());
      body.set("tags", resource.document().get("tags"));
      return new ArmOutcome(200, body);
    }
  }

  /**
   * Sets the replica count of one target region of an image version out of band (adding the region
   * if missing); the region replicates again.
   */
  public ArmOutcome setReplicaCount(String versionId, String region, int regionalReplicaCount) {
    ResourceId id = ResourceId.parse(versionId);
    ArrayNode regions;
    synchronized (state) {
      ArmResource version = state.store().find(id).orElse(null);
      if (version == null) {
        return new ArmOutcome(404, ArmErrors.resourceNotFound(id).toResponse().body());
      }
      regions =
          (ArrayNode)
              version
                  .document()
                  .path("properties")
                  .path("publishingProfile")
                  .path("targetRegions")
                  .deepCopy();
    }
    ObjectNode target = null;
    for (JsonNode candidate : regions) {
      if (ResourceHandler.normalizeLocation(candidate.path("name").asText())
          .equals(ResourceHandler.normalizeLocation(region))) {
        target = (ObjectNode) candidate;
      }
    }
    if (target == null) {
      target = regions.addObject().put("name", region);
    }
    target.put("regionalReplicaCount", regionalReplicaCount);
    ObjectNode body = EmulatorJson.object();
    body.putObject("properties").putObject("publishingProfile").set("targetRegions", regions);
    return send("PATCH", id, body);
  }

  /**
   * A pool's properties as clients last wrote them, with the write-only secrets (mount keys,
   * passwords, protected settings) that Batch keeps but never answers: how a test proves a secret
   * reached Azure. Only in Java, never on the REST admin API, so the values stay in the process.
   * Empty when there is no such pool.
   */
  public Optional<JsonNode> receivedPoolProperties(String poolId) {
    synchronized (state) {
      return state
          .store()
          .find(ResourceId.parse(poolId), PoolResource.class)
          .map(pool -> pool.properties().deepCopy());
    }
  }

  /**
   * Requests the fault rules failed or slowed since the faults were last cleared, by outcome: the
   * error status answered ({@code 429}, {@code 503}), {@code cut off} or {@code slow}.
   */
  public Map<String, Long> injectedFaults() {
    return state.faults().injected();
  }

  /** Requests so far by method and resource type, such as {@code GET Microsoft.Compute/images}. */
  public Map<String, Long> requestCounts() {
    return state.counters().snapshot();
  }

  /**
   * The requests of {@link #requestCounts} that listed a collection, by resource type, such as
   * {@code Microsoft.Batch/batchAccounts/pools}: each page of a list counts once.
   */
  public Map<String, Long> listRequestCounts() {
    return state.counters().listSnapshot();
  }

  /** One resource the emulator holds: its ID, type and tags (empty when it has none). */
  public record HeldResource(String id, String type, Map<String, String> tags) {}

  /**
   * Everything the emulator holds right now, resource groups included, subscriptions not: how a
   * test checks that every resource Poolkeeper tagged has its object and none is left behind.
   */
  public List<HeldResource> resources() {
    synchronized (state) {
      state.settle(state.clock().instant());
      return state.store().all().stream()
          .map(
              resource ->
                  new HeldResource(
                      resource.id().toString(),
                      resource.id().type(),
                      EmulatorJson.tagMap(resource.document().get("tags"))))
          .toList();
    }
  }

  /** The IDs of the management locks held right now. */
  public List<String> locks() {
    synchronized (state) {
      state.settle(state.clock().instant());
      return state.lockIds();
    }
  }

  /**
   * Every write clients sent through the ARM endpoint and the emulator accepted, in order (admin
   * API changes are not among them).
   */
  public List<ArmWrite> writes() {
    return state.journal().writes();
  }

  public void resetRequestCounts() {
    state.counters().reset();
  }

  /** Forgets everything: resources, locks, operations, faults, counters; the clock starts over. */
  public void reset() {
    synchronized (state) {
      state.reset();
      state.clock().reset();
    }
  }

  private ArmOutcome send(String method, ResourceId id, JsonNode body) {
    String apiVersion;
    if (id.isResourceGroup()) {
      apiVersion = ApiVersions.RESOURCES_SDK;
    } else {
      ResourceHandler handler = router.handlerFor(id.type());
      if (handler == null) {
        throw new IllegalArgumentException("the emulator does not serve " + id.type());
      }
      // The newest version, as the portal sends.
      apiVersion = handler.apiVersions().get(handler.apiVersions().size() - 1);
    }
    ArmResponse response =
        gateway.serveInternal(ArmRequest.internal(method, id, apiVersion, body, endpoint));
    return new ArmOutcome(response.status(), response.body());
  }

  private void settle() {
    state.settle(state.clock().instant());
  }

  /** The canonical ID of a seeded resource, whose resource group must exist. */
  private ResourceId seededId(String resourceId, String type) {
    ResourceId id = ResourceId.parse(resourceId);
    if (!id.type().equalsIgnoreCase(type)) {
      throw new IllegalArgumentException(resourceId + " is not a " + type + " ID");
    }
    if (state.store().find(id.resourceGroupId()).isEmpty()) {
      throw new IllegalArgumentException(
          "resource group "
              + id.resourceGroupId()
              + " does not exist; seed it first (addResourceGroup)");
    }
    return id.withCanonicalType(type);
  }

  private String locationOf(ResourceId id, String location) {
    if (location != null) {
      return ResourceHandler.normalizeLocation(location);
    }
    return state.store().find(id.resourceGroupId()).map(ArmResource::location).orElseThrow();
  }
}
