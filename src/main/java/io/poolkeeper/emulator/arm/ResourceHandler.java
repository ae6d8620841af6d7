package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Serves one ARM resource type. The router has already checked the api-version, the subscription,
 * the resource group and management locks; a handler checks its parents, does the work and renders
 * the answer. Methods a type does not support answer 405.
 *
 * <p>Public as the providers' extension point: {@code compute} and {@code batch} subclass it and
 * the router calls the protected methods; {@link #type} and {@link #apiVersions} are public because
 * {@code EmulatorAdmin} picks the api-version of its drift requests from them.
 */
public abstract class ResourceHandler {

  protected final EmulatorState state;

  protected ResourceHandler(EmulatorState state) {
    this.state = state;
  }

  /** The canonical full type, such as {@code Microsoft.Compute/galleries/images}. */
  public abstract String type();

  /** The api-versions this type accepts, oldest first. */
  public abstract List<String> apiVersions();

  /** The POST actions on this type, such as {@code stopResize}, spelled canonically. */
  protected Set<String> actions() {
    return Set.of();
  }

  protected ArmResponse get(ArmRequest request, ResourceId id) {
    throw ArmErrors.methodNotAllowed("GET", type());
  }

  protected ArmResponse put(ArmRequest request, ResourceId id) {
    throw ArmErrors.methodNotAllowed("PUT", type());
  }

  protected ArmResponse patch(ArmRequest request, ResourceId id) {
    throw ArmErrors.methodNotAllowed("PATCH", type());
  }

  protected ArmResponse delete(ArmRequest request, ResourceId id) {
    throw ArmErrors.methodNotAllowed("DELETE", type());
  }

  /** Lists the resources of this type directly under {@code parent}. */
  protected ArmResponse list(ArmRequest request, ResourceId parent) {
    throw ArmErrors.methodNotAllowed("GET", type());
  }

  protected ArmResponse action(ArmRequest request, ResourceId id, String action) {
    throw ArmErrors.methodNotAllowed("POST", type() + "/" + action);
  }

  protected Instant now() {
    return state.clock().instant();
  }

  /** The resource's parent must exist (resource groups are checked by the router). */
  protected void requireParent(ResourceId id, String action) {
    ResourceId parent = id.parent();
    if (parent.isResourceGroup()) {
      return;
    }
    if (!state.store().isUsable(parent)) {
      throw ArmErrors.parentResourceNotFound(id.type(), parent, action);
    }
  }

  /** {@code {"value": [...]}} of the rendered resources. */
  public static ObjectNode listOf(List<ObjectNode> items) {
    ObjectNode body = EmulatorJson.object();
    ArrayNode value = body.putArray("value");
    items.forEach(value::add);
    return body;
  }

  /** ARM's location spelling: {@code "West US"} becomes {@code "westus"}. */
  public static String normalizeLocation(String location) {
    return AzureRegions.programmaticName(location);
  }

  /** The location of a new tracked resource; ARM refuses a PUT without one. */
  protected static String requireLocation(ObjectNode body) {
    String location = EmulatorJson.text(body, "location");
    if (location == null || location.isBlank()) {
      throw ArmErrors.locationRequired();
    }
    return normalizeLocation(location);
  }

  /** {@code name}, {@code id} and {@code type} first, as Azure writes them. */
  protected static ObjectNode header(ResourceId id) {
    ObjectNode json = EmulatorJson.object();
    json.put("name", id.name());
    json.put("id", id.toString());
    json.put("type", id.type());
    return json;
  }
}
