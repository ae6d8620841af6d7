package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.ResourceHandler;
import io.poolkeeper.emulator.arm.ResourceId;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource types the emulator does not model but that images are made from: managed disks and
 * virtual machines. They are seeded through the admin API with whatever document the test needs;
 * ARM clients can read and delete them, and images check that they exist.
 */
public final class ReferencedResourceHandler extends ResourceHandler {

  public static final String DISKS = "Microsoft.Compute/disks";
  public static final String VIRTUAL_MACHINES = "Microsoft.Compute/virtualMachines";

  private final String type;
  private final List<String> apiVersions;

  public ReferencedResourceHandler(EmulatorState state, String type, List<String> apiVersions) {
    super(state);
    this.type = type;
    this.apiVersions = apiVersions;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public List<String> apiVersions() {
    return apiVersions;
  }

  @Override
  protected ArmResponse get(ArmRequest request, ResourceId id) {
    return ArmResponse.json(
        200, render(state.store().find(id).orElseThrow(() -> ArmErrors.resourceNotFound(id))));
  }

  @Override
  protected ArmResponse list(ArmRequest request, ResourceId parent) {
    List<ObjectNode> items = new ArrayList<>();
    state.store().children(parent, type).forEach(resource -> items.add(render(resource)));
    return ArmResponse.json(200, listOf(items));
  }

  /** Gone at once: the emulator has no lifecycle for these types. */
  @Override
  protected ArmResponse delete(ArmRequest request, ResourceId id) {
    if (state.store().find(id).isEmpty()) {
      return ArmResponse.empty(204);
    }
    state.store().remove(id, now());
    return ArmResponse.empty(200);
  }

  private ObjectNode render(ArmResource resource) {
    ObjectNode json = header(resource.id());
    json.setAll(resource.document().deepCopy());
    EmulatorJson.objectAt(json, "properties").put("provisioningState", "Succeeded");
    return json;
  }
}
