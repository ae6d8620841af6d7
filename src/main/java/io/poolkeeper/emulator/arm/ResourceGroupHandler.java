package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * {@code /subscriptions/{s}/resourcegroups/{rg}}: create, read, check and delete resource groups.
 * Deleting one is a long-running operation polled through {@code Location}; when it completes,
 * everything inside the group is gone.
 */
final class ResourceGroupHandler {

  private final EmulatorState state;

  ResourceGroupHandler(EmulatorState state) {
    this.state = state;
  }

  ArmResponse handle(ArmRequest request, ResourceId id) {
    String apiVersion = request.apiVersion();
    if (apiVersion == null) {
      throw ArmErrors.missingApiVersion();
    }
    if (!ApiVersions.RESOURCE_GROUPS.contains(apiVersion)) {
      throw ArmErrors.invalidApiVersion(apiVersion, ApiVersions.RESOURCE_GROUPS);
    }
    return switch (request.method()) {
      case "GET" -> ArmResponse.json(200, render(existing(id)));
      case "HEAD" -> ArmResponse.empty(state.store().find(id).isPresent() ? 204 : 404);
      case "PUT" -> put(request, id);
      case "PATCH" -> patch(request, id);
      case "DELETE" -> delete(request, id);
      default -> throw ArmErrors.methodNotAllowed(request.method(), ResourceId.RESOURCE_GROUP_TYPE);
    };
  }

  private ArmResponse put(ArmRequest request, ResourceId id) {
    ObjectNode body = request.bodyObject();
    String location = ResourceHandler.requireLocation(body);
    ArmResource existing = state.store().find(id).orElse(null);
    if (existing != null && existing.isDeleting()) {
      throw ArmErrors.resourceGroupBeingDeleted(existing.id().resourceGroup());
    }
    if (existing != null && !existing.location().equals(location)) {
      throw new ArmException(
          409,
          "InvalidResourceGroupLocation",
          "Invalid resource group location '"
              + location
              + "'. The Resource group already exists in location '"
              + existing.location()
              + "'.");
    }
    ObjectNode document = EmulatorJson.object().put("location", location);
    JsonNode tags = body.get("tags");
    ArmTags.check(tags);
    if (tags != null && tags.isObject()) {
      document.set("tags", tags);
    }
    if (existing == null) {
      ArmResource group = new ArmResource(id, document);
      state.store().put(group);
      return ArmResponse.json(201, render(group));
    }
    existing.replaceDocument(document);
    return ArmResponse.json(200, render(existing));
  }

  private ArmResponse patch(ArmRequest request, ResourceId id) {
    ArmResource group = existing(id);
    JsonNode tags = request.bodyObject().get("tags");
    ArmTags.check(tags);
    if (tags != null && tags.isObject()) {
      group.document().set("tags", tags);
    }
    return ArmResponse.json(200, render(group));
  }

  private ArmResponse delete(ArmRequest request, ResourceId id) {
    ArmResource group = existing(id);
    var lockedScopes = state.locks().scopesBlockingDelete(group.id());
    if (!lockedScopes.isEmpty()) {
      throw ArmErrors.scopeLocked(group.id(), "delete", lockedScopes);
    }
    Instant now = state.clock().instant();
    Instant done = now.plus(state.options().deletionDuration());
    if (!group.isDeleting()) {
      group.beginDeletion(now, done);
    }
    LongRunningOperation operation =
        state
            .operations()
            .start(
                LongRunningOperation.Kind.RESOURCE_GROUP_DELETION,
                group.id(),
                true,
                now,
                done,
                null,
                group.location(),
                request.apiVersion());
    return ArmResponse.empty(202)
        .header("Location", LongRunningOperations.locationUrl(request.baseUri(), operation))
        .header("Retry-After", String.valueOf(state.options().retryAfterSeconds()));
  }

  private ArmResource existing(ResourceId id) {
    return state
        .store()
        .find(id)
        .orElseThrow(() -> ArmErrors.resourceGroupNotFound(id.resourceGroup()));
  }

  private ObjectNode render(ArmResource group) {
    ObjectNode json = EmulatorJson.object();
    json.put("id", group.id().toString());
    json.put("name", group.id().resourceGroup());
    json.put("type", ResourceId.RESOURCE_GROUP_TYPE);
    json.put("location", group.location());
    JsonNode tags = group.document().get("tags");
    if (tags != null) {
      json.set("tags", tags);
    }
    json.putObject("properties")
        .put("provisioningState", group.provisioningState(state.clock().instant()));
    return json;
  }
}
