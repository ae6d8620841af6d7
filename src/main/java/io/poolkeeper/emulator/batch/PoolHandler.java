package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.ArmTags;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.LongRunningOperation;
import io.poolkeeper.emulator.arm.LongRunningOperations;
import io.poolkeeper.emulator.arm.ResourceHandler;
import io.poolkeeper.emulator.arm.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code Microsoft.Batch/batchAccounts/pools}: create or replace (PUT, with {@code If-Match} /
 * {@code If-None-Match}), update (PATCH), read, list ({@code $filter}, {@code $select}, {@code
 * maxresults} with {@code nextLink}), delete (202 and {@code Location}), {@code stopResize} and
 * {@code disableAutoScale}. A change of the scale settings starts a resize that plays out on the
 * clock ({@link PoolAllocation}).
 */
public final class PoolHandler extends ResourceHandler {

  public static final String TYPE = "Microsoft.Batch/batchAccounts/pools";
  static final String STOP_RESIZE = "stopResize";
  static final String DISABLE_AUTO_SCALE = "disableAutoScale";

  /** Changing vmSize or the image in place is possible from this api-version on. */
  private static final String IN_PLACE_CHANGES_API_VERSION = "2024-07-01";

  private static final Set<String> READ_ONLY =
      Set.of(
          "lastModified",
          "creationTime",
          "provisioningState",
          "provisioningStateTransitionTime",
          "allocationState",
          "allocationStateTransitionTime",
          "currentDedicatedNodes",
          "currentLowPriorityNodes",
          "resizeOperationStatus",
          "autoScaleRun");

  /**
   * Pool properties Batch changes in place at any api-version that has them (Azure Batch docs,
   * "Update Batch pool properties": with nodes, scale, start task, metadata and application
   * packages; the retired tags and communication mode too).
   */
  private static final Set<String> IN_PLACE =
      Set.of(
          "scaleSettings",
          "startTask",
          "metadata",
          "applicationPackages",
          "targetNodeCommunicationMode",
          "resourceTags",
          "certificates");

  private final PoolResizer resizer;

  public PoolHandler(EmulatorState state) {
    super(state);
    this.resizer = new PoolResizer(state);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> apiVersions() {
    return ApiVersions.BATCH;
  }

  @Override
  protected Set<String> actions() {
    return Set.of(STOP_RESIZE, DISABLE_AUTO_SCALE);
  }

  @Override
  protected ArmResponse get(ArmRequest request, ResourceId id) {
    requireAccount(request, id.parent());
    return answer(request, existing(request, id), PoolView.Answer.READ);
  }

  @Override
  protected ArmResponse put(ArmRequest request, ResourceId id) {
    requireAccount(request, id.parent());
    PoolResource existing = state.store().find(id, PoolResource.class).orElse(null);
    checkConditions(request, existing);
    if (existing != null && existing.isDeleting()) {
      throw BatchErrors.poolBeingDeleted(request, now());
    }
    ObjectNode properties = writableProperties(request);
    checkResourceTags(request, properties);
    if (!properties.hasNonNull("vmSize")) {
      throw BatchErrors.missingRequiredProperty("vmSize", request, now());
    }
    PoolScale scale = PoolScale.of(properties.path("scaleSettings"), validation(request));
    PoolRules rules = new PoolRules(request, now());
    rules.checkSubnet(properties, id);
    ObjectNode identity = rules.checkedIdentity(request.bodyObject().get("identity"));
    JsonNode tags = request.bodyObject().get("tags");
    ArmTags.check(tags);
    applyDefaults(properties);
    Instant now = now();
    if (existing == null) {
      rules.checkSecurity(properties, state.store());
      ObjectNode document = EmulatorJson.object();
      document.set("properties", properties);
      setEnvelope(document, identity, tags);
      PoolResource pool = new PoolResource(id, document, now, state.nextEtag());
      state.store().put(pool);
      int dedicated = scale.dedicated() == null ? 0 : scale.dedicated();
      int lowPriority = scale.lowPriority() == null ? 0 : scale.lowPriority();
      if (dedicated != 0 || lowPriority != 0) {
        // Batch reports Requeue for the first allocation of a new pool (recorded traffic).
        resizer.resize(
            pool,
            dedicated,
            lowPriority,
            scale.resizeTimeout(),
            PoolScale.DEFAULT_DEALLOCATION,
            now);
      }
      return answer(request, pool, PoolView.Answer.WRITE);
    }
    checkUpdatable(request, existing, properties, true);
    rules.checkSecurity(properties, state.store());
    PoolScale before =
        PoolScale.of(existing.properties().path("scaleSettings"), validation(request));
    if (!sameTargets(before, scale)) {
      requireSteady(request, existing);
    }
    existing.document().set("properties", properties);
    existing.document().remove(List.of("identity", "tags"));
    setEnvelope(existing.document(), identity, tags);
    existing.modified(now, state.nextEtag());
    if (!sameTargets(before, scale)) {
      resizeTo(existing, scale, now);
    }
    return answer(request, existing, PoolView.Answer.WRITE);
  }

  @Override
  protected ArmResponse patch(ArmRequest request, ResourceId id) {
    requireAccount(request, id.parent());
    PoolResource pool = existing(request, id);
    checkConditions(request, pool);
    if (pool.isDeleting()) {
      throw BatchErrors.poolBeingDeleted(request, now());
    }
    ObjectNode changes = writableProperties(request);
    checkResourceTags(request, changes);
    PoolScale scale = null;
    if (changes.has("scaleSettings")) {
      scale = PoolScale.of(changes.path("scaleSettings"), validation(request));
    }
    PoolRules rules = new PoolRules(request, now());
    rules.checkSubnet(changes, id);
    ObjectNode identity = rules.checkedIdentity(request.bodyObject().get("identity"));
    JsonNode tags = request.bodyObject().get("tags");
    ArmTags.check(tags);
    checkUpdatable(request, pool, changes, false);
    if (scale != null) {
      requireSteady(request, pool);
    }
    ObjectNode merged = pool.properties().deepCopy();
    merged.setAll(changes);
    applyDefaults(merged);
    rules.checkSecurity(merged, state.store());
    Instant now = now();
    pool.document().set("properties", merged);
    setEnvelope(pool.document(), identity, tags);
    pool.modified(now, state.nextEtag());
    if (scale != null && !scale.isOpaqueAutoScale()) {
      // Any scale settings in a PATCH of a Steady pool resize again, even to the same target: that
      // is how a client retries a resize that fell short.
      resizeTo(pool, scale, now);
    }
    return answer(request, pool, PoolView.Answer.WRITE);
  }

  @Override
  protected ArmResponse delete(ArmRequest request, ResourceId id) {
    requireAccount(request, id.parent());
    PoolResource pool = state.store().find(id, PoolResource.class).orElse(null);
    if (pool == null) {
      return ArmResponse.empty(204);
    }
    Instant now = now();
    Instant done = now.plus(state.options().deletionDuration());
    if (!pool.isDeleting()) {
      pool.beginDeletion(now, done);
    }
    LongRunningOperation operation =
        state
            .operations()
            .start(
                LongRunningOperation.Kind.POOL_DELETION,
                pool.id(),
                true,
                now,
                done,
                null,
                null,
                request.apiVersion());
    return ArmResponse.empty(202)
        .header("Location", LongRunningOperations.locationUrl(request.baseUri(), operation))
        .header("Retry-After", String.valueOf(state.options().retryAfterSeconds()));
  }

  @Override
  protected ArmResponse action(ArmRequest request, ResourceId id, String action) {
    requireAccount(request, id.parent());
    PoolResource pool = existing(request, id);
    if (pool.isDeleting()) {
      throw BatchErrors.poolBeingDeleted(request, now());
    }
    Instant now = now();
    switch (action) {
      case STOP_RESIZE -> {
        if (pool.allocation().state().equals(PoolAllocation.RESIZING)) {
          pool.allocation(pool.allocation().stop(now, state.options().nodesPerMinute()));
          pool.newEtag(state.nextEtag());
        }
      }
      case DISABLE_AUTO_SCALE -> disableAutoScale(pool, now);
      default -> throw ArmErrors.methodNotAllowed("POST", TYPE + "/" + action);
    }
    return answer(request, pool, PoolView.Answer.READ);
  }

  @Override
  protected ArmResponse list(ArmRequest request, ResourceId account) {
    requireAccount(request, account);
    Instant now = now();
    List<ObjectNode> pools = new ArrayList<>();
    for (ArmResource resource : state.store().children(account, TYPE)) {
      pools.add(
          PoolView.render(
              (PoolResource) resource,
              now,
              state.options().nodesPerMinute(),
              request.apiVersion(),
              PoolView.Answer.READ));
    }
    return ArmResponse.json(200, PoolListing.page(request, account, pools, now));
  }

  private void resizeTo(PoolResource pool, PoolScale scale, Instant now) {
    double rate = state.options().nodesPerMinute();
    int dedicated =
        scale.dedicated() != null ? scale.dedicated() : pool.allocation().dedicatedAt(now, rate);
    int lowPriority =
        scale.lowPriority() != null
            ? scale.lowPriority()
            : pool.allocation().lowPriorityAt(now, rate);
    resizer.resize(
        pool, dedicated, lowPriority, scale.resizeTimeout(), scale.nodeDeallocationOption(), now);
  }

  /** Fixed scale at the targets autoscale last set, as Batch does. */
  private void disableAutoScale(PoolResource pool, Instant now) {
    JsonNode scaleSettings = pool.properties().path("scaleSettings");
    if (!scaleSettings.path("autoScale").isObject()) {
      return;
    }
    PoolAllocation allocation = pool.allocation();
    double rate = state.options().nodesPerMinute();
    int dedicated =
        allocation.resize() != null
            ? allocation.resize().targetDedicated()
            : allocation.dedicatedAt(now, rate);
    int lowPriority =
        allocation.resize() != null
            ? allocation.resize().targetLowPriority()
            : allocation.lowPriorityAt(now, rate);
    ObjectNode fixed = pool.properties().putObject("scaleSettings").putObject("fixedScale");
    fixed.put("targetDedicatedNodes", dedicated);
    fixed.put("targetLowPriorityNodes", lowPriority);
    fixed.put("resizeTimeout", ResizeOperation.DEFAULT_TIMEOUT.toString());
    pool.modified(now, state.nextEtag());
  }

  private ArmResponse answer(ArmRequest request, PoolResource pool, PoolView.Answer kind) {
    return ArmResponse.json(
            200,
            PoolView.render(
                pool, now(), state.options().nodesPerMinute(), request.apiVersion(), kind))
        .header("ETag", pool.etag());
  }

  private void requireAccount(ArmRequest request, ResourceId account) {
    if (!state.store().isUsable(account)) {
      throw BatchErrors.accountNotFound(request, now());
    }
  }

  private PoolResource existing(ArmRequest request, ResourceId id) {
    return state
        .store()
        .find(id, PoolResource.class)
        .orElseThrow(() -> BatchErrors.poolNotFound(request, now()));
  }

  private void checkConditions(ArmRequest request, PoolResource pool) {
    String ifMatch = request.header("If-Match");
    if (ifMatch != null
        && (pool == null || !(ifMatch.equals("*") || ifMatch.equals(pool.etag())))) {
      throw BatchErrors.conditionNotMet(request, now());
    }
    String ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch != null
        && pool != null
        && (ifNoneMatch.equals("*") || ifNoneMatch.equals(pool.etag()))) {
      throw BatchErrors.conditionNotMet(request, now());
    }
  }

  /** The request's properties without the read-only ones, in this api-version's names. */
  private ObjectNode writableProperties(ArmRequest request) {
    JsonNode given = request.bodyObject().path("properties");
    ObjectNode properties =
        given.isObject() ? (ObjectNode) given.deepCopy() : EmulatorJson.object();
    READ_ONLY.forEach(properties::remove);
    if (ApiVersions.atLeast(request.apiVersion(), PoolView.RETIRED_PROPERTIES_API_VERSION)) {
      // Not part of the pool at this api-version: ignored, as properties a version lacks are.
      PoolView.RETIRED_PROPERTIES.forEach(properties::remove);
    }
    JsonNode maxTasks = properties.remove("maxTasksPerNode");
    if (maxTasks != null && !properties.has("taskSlotsPerNode")) {
      properties.set("taskSlotsPerNode", maxTasks);
    }
    return properties;
  }

  /**
   * Batch resizes only a Steady pool: new scale settings while a resize runs or stops answer 409
   * (Batch REST "Pools - Resize Pool": "If the Pool is already resizing, the request fails with
   * status code 409"). A client stops the resize, waits for Steady and resizes again.
   */
  private void requireSteady(ArmRequest request, PoolResource pool) {
    if (!pool.allocation().state().equals(PoolAllocation.STEADY)) {
      throw BatchErrors.poolBeingResized(request, now());
    }
  }

  /** {@code resourceTags} go on the Azure resources Batch creates; ARM's tag limits apply. */
  private void checkResourceTags(ArmRequest request, ObjectNode properties) {
    JsonNode tags = properties.get("resourceTags");
    ArmException problem = ArmTags.problem(tags);
    if (problem != null) {
      throw BatchErrors.invalidPropertyValue(
          "resourceTags", tags.toString(), problem.getMessage(), request, now());
    }
  }

  private static void applyDefaults(ObjectNode properties) {
    if (!properties.has("interNodeCommunication")) {
      properties.put("interNodeCommunication", "Disabled");
    }
    if (!properties.has("taskSlotsPerNode")) {
      properties.put("taskSlotsPerNode", 1);
    }
    if (!properties.has("taskSchedulingPolicy")) {
      properties.putObject("taskSchedulingPolicy").put("nodeFillType", "Spread");
    }
    for (JsonNode certificate : properties.path("certificates")) {
      if (certificate instanceof ObjectNode reference && !reference.has("visibility")) {
        // Batch's default: the certificate is visible to every kind of account on the node.
        reference.putArray("visibility").add("StartTask").add("Task").add("RemoteUser");
      }
    }
    ObjectNode scale = EmulatorJson.objectAt(properties, "scaleSettings");
    if (scale.path("autoScale").isObject()) {
      ObjectNode autoScale = (ObjectNode) scale.get("autoScale");
      if (!autoScale.has("evaluationInterval")) {
        autoScale.put("evaluationInterval", "PT15M");
      }
    } else {
      ObjectNode fixed = EmulatorJson.objectAt(scale, "fixedScale");
      if (!fixed.has("targetDedicatedNodes")) {
        fixed.put("targetDedicatedNodes", 0);
      }
      if (!fixed.has("targetLowPriorityNodes")) {
        fixed.put("targetLowPriorityNodes", 0);
      }
    }
  }

  /**
   * Refuses a change Batch cannot make in place with {@code PropertyCannotBeUpdated} (Azure/Batch
   * issue 85: the answer to a PUT of an existing pool with another networkConfiguration;
   * Azure/azure-sdk-for-net issue 40325: a PATCH of deploymentConfiguration before 2024-07-01).
   * Changed in place at every api-version: the scale, start task, metadata, application packages
   * and, at the versions that have them, the node communication mode, resource tags and
   * certificates. From api-version 2024-07-01 every other property changes too, but only while the
   * pool has no nodes (Azure Batch docs, "Update Batch pool properties": "For all other updatable
   * pool properties, the pool must be at zero nodes"). A PUT of an existing pool ({@code
   * replacing}) changes what it leaves out too.
   */
  private void checkUpdatable(
      ArmRequest request, PoolResource pool, ObjectNode changes, boolean replacing) {
    ObjectNode before = pool.properties();
    Set<String> names = new TreeSet<>();
    changes.properties().forEach(entry -> names.add(entry.getKey()));
    if (replacing) {
      before.properties().forEach(entry -> names.add(entry.getKey()));
    }
    for (String property : names) {
      JsonNode after = changes.get(property);
      if (IN_PLACE.contains(property) || sameValue(before.get(property), after)) {
        continue;
      }
      if (!ApiVersions.atLeast(request.apiVersion(), IN_PLACE_CHANGES_API_VERSION)) {
        throw BatchErrors.propertyCannotBeUpdated(
            property,
            property
                + " cannot change on an existing pool at api-version "
                + request.apiVersion()
                + "; from api-version "
                + IN_PLACE_CHANGES_API_VERSION
                + " it changes while the pool has no nodes, or create a new pool.",
            request,
            now());
      }
      if (!pool.allocation().state().equals(PoolAllocation.STEADY)
          || pool.allocation().dedicatedAt(now(), state.options().nodesPerMinute()) > 0
          || pool.allocation().lowPriorityAt(now(), state.options().nodesPerMinute()) > 0) {
        throw BatchErrors.propertyCannotBeUpdated(
            property,
            property
                + " changes in place only while the pool has no nodes; resize the pool to zero"
                + " nodes and wait for Steady first, or create a new pool.",
            request,
            now());
      }
    }
  }

  private static void setEnvelope(ObjectNode document, ObjectNode identity, JsonNode tags) {
    if (identity != null) {
      document.set("identity", identity);
    }
    if (tags != null && !tags.isNull()) {
      document.set("tags", tags.deepCopy());
    }
  }

  private static boolean sameValue(JsonNode before, JsonNode after) {
    if (after == null) {
      return before == null;
    }
    if (before != null && before.isTextual() && after.isTextual()) {
      return before.asText().equalsIgnoreCase(after.asText());
    }
    return after.equals(before);
  }

  private static boolean sameTargets(PoolScale before, PoolScale after) {
    return Objects.equals(before.dedicated(), after.dedicated())
        && Objects.equals(before.lowPriority(), after.lowPriority());
  }

  private PoolScale.Validation validation(ArmRequest request) {
    return new PoolScale.Validation() {
      @Override
      public ArmException invalid(String property, String value, String reason) {
        return BatchErrors.invalidPropertyValue(property, value, reason, request, now());
      }

      @Override
      public ArmException missing(String property) {
        return BatchErrors.missingRequiredProperty(property, request, now());
      }
    };
  }
}
