package io.poolkeeper.emulator.arm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds what an ARM path names (a resource, a collection, an action, an operation, a lock) and
 * hands the request to its handler after the checks ARM makes for every request: api-version,
 * subscription, resource group and management locks.
 */
public final class ArmRouter {

  private final EmulatorState state;
  private final Map<String, ResourceHandler> handlers = new LinkedHashMap<>();
  private final ResourceGroupHandler resourceGroups;
  private final OperationStatusHandler operations;
  private final LockHandler locks;

  public ArmRouter(EmulatorState state, List<ResourceHandler> resourceHandlers) {
    this.state = state;
    for (ResourceHandler handler : resourceHandlers) {
      handlers.put(handler.type().toLowerCase(Locale.ROOT), handler);
    }
    this.resourceGroups = new ResourceGroupHandler(state);
    this.operations = new OperationStatusHandler(state, this::handlerFor);
    this.locks = new LockHandler(state, this::handlerFor);
  }

  public ResourceHandler handlerFor(String type) {
    return handlers.get(type.toLowerCase(Locale.ROOT));
  }

  /** The resource type a request concerns, as counters and fault rules name it. */
  String label(ArmRequest request) {
    List<String> segments = request.segments();
    if (lockIndex(segments) >= 0) {
      return ManagementLocks.TYPE;
    }
    if (segments.size() < 3 || !segments.get(0).equalsIgnoreCase("subscriptions")) {
      return "unknown";
    }
    String second = segments.get(2);
    if (second.equalsIgnoreCase("operationresults")) {
      return "Microsoft.Resources/operationResults";
    }
    if (second.equalsIgnoreCase("providers")) {
      return segments.size() == 8
          ? "Microsoft.Compute/locations/" + canonicalOperationKind(segments.get(6))
          : "unknown";
    }
    if (!second.equalsIgnoreCase("resourceGroups")) {
      return "unknown";
    }
    if (segments.size() <= 4) {
      return ResourceId.RESOURCE_GROUP_TYPE;
    }
    if (segments.size() < 7) {
      return "unknown";
    }
    List<String> rest = segments.subList(6, segments.size());
    if (isPoolOperation(segments.get(5), rest)) {
      return "Microsoft.Batch/batchAccounts/poolOperationResults";
    }
    String types =
        typesOf(segments.get(5), rest.size() % 2 == 0 ? rest : rest.subList(0, rest.size() - 1));
    if (rest.size() % 2 == 0) {
      return canonical(types);
    }
    String last = rest.get(rest.size() - 1);
    ResourceHandler collection = handlerFor(types + "/" + last);
    if (collection != null || rest.size() == 1) {
      return canonical(types + "/" + last);
    }
    ResourceHandler parent = handlerFor(types);
    return parent == null
        ? types + "/" + last
        : parent.type() + "/" + canonicalAction(parent, last);
  }

  /** Whether the request reads a collection of resources (a list) rather than one resource. */
  boolean isList(ArmRequest request) {
    List<String> segments = request.segments();
    if (!request.method().equalsIgnoreCase("GET")
        || lockIndex(segments) >= 0
        || segments.size() < 7
        || !segments.get(0).equalsIgnoreCase("subscriptions")
        || !segments.get(2).equalsIgnoreCase("resourceGroups")) {
      return false;
    }
    List<String> rest = segments.subList(6, segments.size());
    if (rest.size() % 2 == 0 || isPoolOperation(segments.get(5), rest)) {
      return false;
    }
    String types = typesOf(segments.get(5), rest.subList(0, rest.size() - 1));
    return handlerFor(types + "/" + rest.get(rest.size() - 1)) != null;
  }

  /** Serves the request; the caller holds the state's monitor and has settled the state. */
  ArmResponse route(ArmRequest request) {
    List<String> segments = request.segments();
    int lockIndex = lockIndex(segments);
    if (lockIndex >= 0) {
      String lockName = segments.size() > lockIndex + 3 ? segments.get(lockIndex + 3) : null;
      if (segments.size() > lockIndex + 4) {
        throw ArmErrors.pathNotFound(request.path());
      }
      return locks.handle(request, scopeOf(request, segments.subList(0, lockIndex)), lockName);
    }
    if (segments.size() < 3 || !segments.get(0).equalsIgnoreCase("subscriptions")) {
      throw ArmErrors.pathNotFound(request.path());
    }
    String subscription = segments.get(1);
    String second = segments.get(2);
    if (second.equalsIgnoreCase("operationresults") && segments.size() == 4) {
      return operations.resourceGroupDeletion(request, segments.get(3));
    }
    if (second.equalsIgnoreCase("providers")
        && segments.size() == 8
        && segments.get(3).equalsIgnoreCase("Microsoft.Compute")
        && segments.get(4).equalsIgnoreCase("locations")) {
      return operations.compute(request, segments.get(5), segments.get(6), segments.get(7));
    }
    if (!second.equalsIgnoreCase("resourceGroups") || segments.size() < 4) {
      throw ArmErrors.pathNotFound(request.path());
    }
    if (segments.size() == 4) {
      requireSubscription(subscription);
      return resourceGroups.handle(
          request, ResourceId.resourceGroup(subscription, segments.get(3)));
    }
    if (segments.size() < 7 || !segments.get(4).equalsIgnoreCase("providers")) {
      throw ArmErrors.pathNotFound(request.path());
    }
    String namespace = segments.get(5);
    List<String> rest = segments.subList(6, segments.size());
    if (isPoolOperation(namespace, rest)) {
      requireSubscription(subscription);
      String location =
          state
              .store()
              .find(ResourceId.resourceGroup(subscription, segments.get(3)))
              .map(ArmResource::location)
              .orElse("global");
      return operations.poolDeletion(request, location, rest.get(3));
    }
    if (rest.size() % 2 == 0) {
      return routeResource(request, segments, namespace, rest);
    }
    return routeCollectionOrAction(request, segments, namespace, rest);
  }

  private ArmResponse routeResource(
      ArmRequest request, List<String> segments, String namespace, List<String> rest) {
    ResourceHandler handler = handlerFor(typesOf(namespace, rest));
    if (handler == null) {
      throw ArmErrors.invalidResourceType(
          namespace,
          typesOf(namespace, rest).substring(namespace.length() + 1),
          request.apiVersion());
    }
    ResourceId id = ResourceId.fromSegments(segments).withCanonicalType(handler.type());
    String method = request.method();
    checkCommon(request, handler, id, !method.equals("GET") && !method.equals("HEAD"));
    if (method.equals("DELETE")) {
      requireUnlocked(id, "delete", state.locks().scopesBlockingDelete(id));
    } else if (method.equals("PUT") || method.equals("PATCH")) {
      requireUnlocked(id, "write", state.locks().scopesBlockingWrite(id));
    }
    return switch (method) {
      case "GET" -> handler.get(request, id);
      case "HEAD" -> ArmResponse.empty(handler.get(request, id).status() == 200 ? 204 : 404);
      case "PUT" -> handler.put(request, id);
      case "PATCH" -> handler.patch(request, id);
      case "DELETE" -> handler.delete(request, id);
      default -> throw ArmErrors.methodNotAllowed(method, handler.type());
    };
  }

  private ArmResponse routeCollectionOrAction(
      ArmRequest request, List<String> segments, String namespace, List<String> rest) {
    List<String> parentTypes = rest.subList(0, rest.size() - 1);
    String last = rest.get(rest.size() - 1);
    String parentType = rest.size() == 1 ? namespace : typesOf(namespace, parentTypes);
    ResourceHandler collection = handlerFor(parentType + "/" + last);
    if (collection != null) {
      if (!request.method().equals("GET")) {
        throw ArmErrors.methodNotAllowed(request.method(), collection.type());
      }
      ResourceId parent =
          parentTypes.isEmpty()
              ? ResourceId.fromSegments(segments.subList(0, 4))
              : ResourceId.fromSegments(segments.subList(0, segments.size() - 1))
                  .withCanonicalType(parentType(collection.type()));
      checkCommon(request, collection, parent, false);
      return collection.list(request, parent);
    }
    ResourceHandler owner = parentTypes.isEmpty() ? null : handlerFor(parentType);
    if (owner == null) {
      throw ArmErrors.invalidResourceType(
          namespace,
          (parentType + "/" + last).substring(namespace.length() + 1),
          request.apiVersion());
    }
    if (!request.method().equals("POST")) {
      throw ArmErrors.methodNotAllowed(request.method(), owner.type() + "/" + last);
    }
    ResourceId id =
        ResourceId.fromSegments(segments.subList(0, segments.size() - 1))
            .withCanonicalType(owner.type());
    checkCommon(request, owner, id, true);
    requireUnlocked(id, "write", state.locks().scopesBlockingWrite(id));
    return owner.action(request, id, canonicalAction(owner, last));
  }

  /** The checks ARM makes before a request reaches a resource provider. */
  private void checkCommon(
      ArmRequest request, ResourceHandler handler, ResourceId id, boolean writes) {
    requireSubscription(id.subscriptionId());
    ArmResource group = state.store().find(id.resourceGroupId()).orElse(null);
    String apiVersion = request.apiVersion();
    if (apiVersion == null) {
      throw ArmErrors.missingApiVersion();
    }
    if (!handler.apiVersions().contains(apiVersion)) {
      String location = group == null ? "global" : group.location();
      String type = handler.type().substring(handler.type().indexOf('/') + 1);
      throw ArmErrors.noRegisteredProvider(location, apiVersion, type, handler.apiVersions());
    }
    if (group == null) {
      throw ArmErrors.resourceGroupNotFound(id.resourceGroup());
    }
    if (writes && group.isDeleting()) {
      throw ArmErrors.resourceGroupBeingDeleted(id.resourceGroup());
    }
  }

  private void requireSubscription(String subscription) {
    if (!state.store().hasSubscription(subscription)) {
      throw ArmErrors.subscriptionNotFound(subscription);
    }
  }

  private static void requireUnlocked(ResourceId id, String operation, List<String> scopes) {
    if (!scopes.isEmpty()) {
      throw ArmErrors.scopeLocked(id, operation, scopes);
    }
  }

  private ResourceId scopeOf(ArmRequest request, List<String> scopeSegments) {
    try {
      ResourceId scope = ResourceId.fromSegments(scopeSegments);
      if (scope.namespace() == null) {
        return scope;
      }
      ResourceHandler handler = handlerFor(scope.type());
      return handler == null ? scope : scope.withCanonicalType(handler.type());
    } catch (IllegalArgumentException e) {
      throw ArmErrors.pathNotFound(request.path());
    }
  }

  private String canonical(String type) {
    ResourceHandler handler = handlerFor(type);
    return handler == null ? type : handler.type();
  }

  private static String canonicalAction(ResourceHandler handler, String action) {
    for (String known : handler.actions()) {
      if (known.equalsIgnoreCase(action)) {
        return known;
      }
    }
    return action;
  }

  private static String canonicalOperationKind(String kind) {
    for (LongRunningOperation.Kind known : LongRunningOperation.Kind.values()) {
      if (known.pathSegment().equalsIgnoreCase(kind)) {
        return known.pathSegment();
      }
    }
    return kind;
  }

  private static boolean isPoolOperation(String namespace, List<String> rest) {
    return namespace.equalsIgnoreCase("Microsoft.Batch")
        && rest.size() == 4
        && rest.get(0).equalsIgnoreCase("batchAccounts")
        && rest.get(2).equalsIgnoreCase("poolOperationResults");
  }

  /** {@code Ns/t1/t2} from the type/name pairs {@code t1/n1/t2/n2}. */
  private static String typesOf(String namespace, List<String> pairs) {
    StringBuilder type = new StringBuilder(namespace);
    for (int i = 0; i < pairs.size(); i += 2) {
      type.append('/').append(pairs.get(i));
    }
    return type.toString();
  }

  private static String parentType(String type) {
    return type.substring(0, type.lastIndexOf('/'));
  }

  private static int lockIndex(List<String> segments) {
    for (int i = 0; i + 2 < segments.size(); i++) {
      if (segments.get(i).equalsIgnoreCase("providers")
          && segments.get(i + 1).equalsIgnoreCase("Microsoft.Authorization")
          && segments.get(i + 2).equalsIgnoreCase("locks")) {
        return i;
      }
    }
    return -1;
  }
}
