package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {scope}/providers/Microsoft.Authorization/locks[/{name}]}: management locks at
 * subscription, resource group or resource level. A lock on a resource type the emulator models
 * needs that resource to exist; locks on other types (a storage account, say) are accepted as they
 * come, since the emulator cannot know whether such a resource exists.
 */
final class LockHandler {

  private final EmulatorState state;
  private final Function<String, ResourceHandler> handlers;

  LockHandler(EmulatorState state, Function<String, ResourceHandler> handlers) {
    this.state = state;
    this.handlers = handlers;
  }

  ArmResponse handle(ArmRequest request, ResourceId scope, String name) {
    checkApiVersion(request, scope);
    checkScopeExists(scope);
    if (name == null) {
      if (!request.method().equals("GET")) {
        throw ArmErrors.methodNotAllowed(request.method(), ManagementLocks.TYPE);
      }
      return list(request, scope);
    }
    return switch (request.method()) {
      case "GET" ->
          ArmResponse.json(
              200, state.locks().find(scope, name).orElseThrow(() -> lockNotFound(name)).toJson());
      case "PUT" -> put(request, scope, name);
      case "DELETE" -> ArmResponse.empty(state.locks().remove(scope, name) ? 200 : 204);
      default -> throw ArmErrors.methodNotAllowed(request.method(), ManagementLocks.TYPE);
    };
  }

  private ArmResponse put(ArmRequest request, ResourceId scope, String name) {
    JsonNode properties = request.bodyObject().path("properties");
    String level = properties.path("level").asText(null);
    if (!ManagementLocks.CAN_NOT_DELETE.equals(level) && !ManagementLocks.READ_ONLY.equals(level)) {
      throw new ArmException(
          400,
          "LockLevelInvalid",
          "The lock level '"
              + level
              + "' is not valid. The lock level must be 'CanNotDelete' or 'ReadOnly'.");
    }
    ManagementLocks.Lock lock =
        new ManagementLocks.Lock(
            scope,
            name,
            level,
            properties.path("notes").asText(null),
            properties.has("owners") ? properties.get("owners") : null);
    boolean created = state.locks().put(lock);
    return ArmResponse.json(created ? 201 : 200, lock.toJson());
  }

  /** Locks that apply at the scope, or only those placed there with {@code $filter=atScope()}. */
  private ArmResponse list(ArmRequest request, ResourceId scope) {
    boolean atScopeOnly = "atScope()".equals(request.query("$filter"));
    List<ManagementLocks.Lock> locks =
        atScopeOnly ? state.locks().atScope(scope) : state.locks().applyingTo(scope);
    List<ObjectNode> items = new ArrayList<>();
    locks.forEach(lock -> items.add(lock.toJson()));
    return ArmResponse.json(200, ResourceHandler.listOf(items));
  }

  private void checkApiVersion(ArmRequest request, ResourceId scope) {
    String apiVersion = request.apiVersion();
    if (apiVersion == null) {
      throw ArmErrors.missingApiVersion();
    }
    if (!ApiVersions.LOCKS.contains(apiVersion)) {
      String location =
          scope.isSubscription()
              ? "global"
              : state
                  .store()
                  .find(scope.resourceGroupId())
                  .map(ArmResource::location)
                  .orElse("global");
      throw ArmErrors.noRegisteredProvider(location, apiVersion, "locks", ApiVersions.LOCKS);
    }
  }

  private void checkScopeExists(ResourceId scope) {
    if (!state.store().hasSubscription(scope.subscriptionId())) {
      throw ArmErrors.subscriptionNotFound(scope.subscriptionId());
    }
    if (scope.isSubscription()) {
      return;
    }
    if (state.store().find(scope.resourceGroupId()).isEmpty()) {
      throw ArmErrors.resourceGroupNotFound(scope.resourceGroup());
    }
    if (scope.namespace() != null
        && handlers.apply(scope.type()) != null
        && state.store().find(scope).isEmpty()) {
      throw ArmErrors.resourceNotFound(scope);
    }
  }

  private static ArmException lockNotFound(String name) {
    return new ArmException(404, "LockNotFound", "The lock '" + name + "' could not be found.");
  }
}
