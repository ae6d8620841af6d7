package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.ProvisioningFailure;
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

/**
 * The conventions Compute resources share: a PUT answers 201 ({@code Creating}) or 200 ({@code
 * Updating}) with {@code Azure-AsyncOperation}, the resource reaches {@code Succeeded} when its
 * operation ends on the clock, and a DELETE answers 202 with {@code Azure-AsyncOperation} and
 * {@code Location} (204 if there is nothing to delete).
 */
abstract class ComputeResourceHandler extends ResourceHandler {

  private final String type;
  private final List<String> apiVersions;
  private final LongRunningOperation.Kind operationKind;

  ComputeResourceHandler(
      EmulatorState state,
      String type,
      List<String> apiVersions,
      LongRunningOperation.Kind operationKind) {
    super(state);
    this.type = type;
    this.apiVersions = apiVersions;
    this.operationKind = operationKind;
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final List<String> apiVersions() {
    return apiVersions;
  }

  /** Which operation URLs (and so which polling shape) this provider's LROs use. */
  final LongRunningOperation.Kind operationKind() {
    return operationKind;
  }

  /**
   * Validates a create or update and returns the document to store; {@code existing} is {@code
   * null} for a create.
   */
  abstract ObjectNode buildDocument(ArmRequest request, ResourceId id, ArmResource existing);

  /** The document once provisioning is done: {@code document} plus what Azure derives. */
  ObjectNode completedDocument(ResourceId id, ObjectNode document) {
    return document;
  }

  /** When a create or update that starts now completes. */
  Instant provisioningEnds(ArmResource resource, Instant now) {
    return now.plus(state.options().provisioningDuration());
  }

  ArmResource newResource(ResourceId id, ObjectNode document) {
    return new ArmResource(id, document);
  }

  /** Refuses to delete a resource that still has nested resources. */
  void checkDeletable(ArmResource resource) {}

  int createdStatus() {
    return 201;
  }

  String creatingState() {
    return "Creating";
  }

  /** Whether create and update answers carry {@code Location} as well (Disk RP does). */
  boolean locationOnWrite() {
    return false;
  }

  /** The body of the answer to a create or update. */
  ObjectNode writeAnswer(ArmRequest request, ArmResource resource) {
    return render(request, resource);
  }

  ObjectNode render(ArmRequest request, ArmResource resource) {
    Instant now = now();
    ObjectNode json = header(resource.id());
    json.setAll(resource.visibleDocument(now).deepCopy());
    objectAt(json, "properties").put("provisioningState", resource.provisioningState(now));
    return json;
  }

  @Override
  protected ArmResponse get(ArmRequest request, ResourceId id) {
    requireParent(id, "read");
    ArmResource resource = state.store().find(id).orElseThrow(() -> ArmErrors.resourceNotFound(id));
    return ArmResponse.json(200, render(request, resource));
  }

  @Override
  protected ArmResponse list(ArmRequest request, ResourceId parent) {
    if (!parent.isResourceGroup() && state.store().find(parent).isEmpty()) {
      throw ArmErrors.parentResourceNotFound(type(), parent, "read");
    }
    List<ObjectNode> items = new ArrayList<>();
    for (ArmResource resource : state.store().children(parent, type())) {
      items.add(render(request, resource));
    }
    return ArmResponse.json(200, listOf(items));
  }

  @Override
  protected ArmResponse put(ArmRequest request, ResourceId id) {
    requireParent(id, "write");
    ArmResource existing = state.store().find(id).orElse(null);
    if (existing != null && existing.isDeleting()) {
      throw new ArmException(
          409,
          "OperationNotAllowed",
          "The resource '" + id + "' is being deleted and cannot be changed.");
    }
    return write(request, id, existing, buildDocument(request, id, existing));
  }

  /** Stores a create or update and starts its long-running operation. */
  protected ArmResponse write(
      ArmRequest request, ResourceId id, ArmResource existing, ObjectNode document) {
    Instant now = now();
    ObjectNode completed = completedDocument(id, document.deepCopy());
    ProvisioningFailure injected = state.faults().takeProvisioningFailure(id);
    ArmException failure =
        injected == null ? null : new ArmException(400, injected.code(), injected.message());
    ArmResource resource;
    int status;
    if (existing == null) {
      resource = newResource(id, completed);
      Instant until = provisioningEnds(resource, now);
      resource.beginProvisioning(creatingState(), until, document, failure);
      state.store().put(resource);
      status = createdStatus();
    } else {
      resource = existing;
      resource.replaceDocument(completed);
      Instant until = provisioningEnds(resource, now);
      resource.beginProvisioning("Updating", until, null, failure);
      status = 200;
    }
    LongRunningOperation operation =
        state
            .operations()
            .start(
                operationKind(),
                id,
                false,
                now,
                resource.provisioningEnds(),
                failure,
                resource.location(),
                request.apiVersion());
    ArmResponse response =
        ArmResponse.json(status, writeAnswer(request, resource))
            .header(
                "Azure-AsyncOperation",
                LongRunningOperations.asyncOperationUrl(request.baseUri(), operation))
            .header("Retry-After", String.valueOf(state.options().retryAfterSeconds()));
    if (locationOnWrite()) {
      response.header("Location", LongRunningOperations.locationUrl(request.baseUri(), operation));
    }
    return response;
  }

  @Override
  protected ArmResponse delete(ArmRequest request, ResourceId id) {
    requireParent(id, "delete");
    ArmResource resource = state.store().find(id).orElse(null);
    if (resource == null) {
      return ArmResponse.empty(204);
    }
    checkDeletable(resource);
    Instant now = now();
    if (!resource.isDeleting()) {
      resource.beginDeletion(now, now.plus(state.options().deletionDuration()));
    }
    LongRunningOperation operation =
        state
            .operations()
            .start(
                operationKind(),
                id,
                true,
                now,
                now.plus(state.options().deletionDuration()),
                null,
                resource.location(),
                request.apiVersion());
    return ArmResponse.empty(202)
        .header(
            "Azure-AsyncOperation",
            LongRunningOperations.asyncOperationUrl(request.baseUri(), operation))
        .header("Location", LongRunningOperations.locationUrl(request.baseUri(), operation))
        .header("Retry-After", String.valueOf(state.options().retryAfterSeconds()));
  }

  /** A referenced resource (snapshot, disk, VM, image) must exist and be usable. */
  protected void requireReferenced(String id) {
    ResourceId referenced;
    try {
      referenced = ResourceId.parse(id);
    } catch (IllegalArgumentException e) {
      throw ArmErrors.invalidParameter("id", "The resource ID '" + id + "' is not valid.");
    }
    if (!state.store().isUsable(referenced)) {
      throw ArmErrors.referencedResourceNotFound(referenced);
    }
  }

  /** The stored (completed) document of a referenced resource, if it is there. */
  protected ObjectNode referencedDocument(String id) {
    if (id == null) {
      return null;
    }
    try {
      return state.store().find(ResourceId.parse(id)).map(ArmResource::document).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Azure refuses to delete a resource that still has children of the given type. */
  protected void refuseWhileChildrenExist(ArmResource parent, String childType) {
    List<ArmResource> children = state.store().children(parent.id(), childType);
    if (!children.isEmpty()) {
      throw ArmErrors.cannotDeleteWithNestedResources(children.get(0).id());
    }
  }

  /** A new stored document with the request's location and tags. */
  protected static ObjectNode locatedDocument(ObjectNode body) {
    ObjectNode document = EmulatorJson.object();
    document.put("location", requireLocation(body));
    copyTags(body, document);
    return document;
  }

  /** A copy of the request's properties without the read-only provisioningState. */
  protected static ObjectNode requestedProperties(ObjectNode body) {
    ObjectNode properties =
        body.path("properties").isObject()
            ? (ObjectNode) body.get("properties").deepCopy()
            : EmulatorJson.object();
    properties.remove("provisioningState");
    return properties;
  }

  /** Copies {@code tags} from the request, if given, after ARM's checks ({@link ArmTags}). */
  protected static void copyTags(ObjectNode body, ObjectNode document) {
    JsonNode tags = body.get("tags");
    ArmTags.check(tags);
    if (tags != null && tags.isObject()) {
      document.set("tags", tags);
    }
  }

  protected static ObjectNode objectAt(ObjectNode parent, String field) {
    return EmulatorJson.objectAt(parent, field);
  }

  protected static void putIfAbsent(ObjectNode node, String field, String value) {
    if (!node.hasNonNull(field)) {
      node.put(field, value);
    }
  }
}
