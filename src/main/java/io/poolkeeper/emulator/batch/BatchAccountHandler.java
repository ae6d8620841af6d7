package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.ResourceHandler;
import io.poolkeeper.emulator.arm.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Microsoft.Batch/batchAccounts}, read-only: accounts are seeded through the admin API with
 * their location and core quotas, which pool resizes are held to.
 */
public final class BatchAccountHandler extends ResourceHandler {

  public static final String TYPE = "Microsoft.Batch/batchAccounts";

  public BatchAccountHandler(EmulatorState state) {
    super(state);
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
  protected ArmResponse get(ArmRequest request, ResourceId id) {
    ArmResource account =
        state.store().find(id).orElseThrow(() -> BatchErrors.accountNotFound(request, now()));
    return ArmResponse.json(200, render(account));
  }

  @Override
  protected ArmResponse list(ArmRequest request, ResourceId parent) {
    List<ObjectNode> items = new ArrayList<>();
    state.store().children(parent, TYPE).forEach(account -> items.add(render(account)));
    return ArmResponse.json(200, listOf(items));
  }

  public static ObjectNode seededDocument(BatchAccountSeed seed, ResourceId id, String location) {
    ObjectNode document = EmulatorJson.object();
    document.put("location", location);
    ObjectNode properties = document.putObject("properties");
    properties.put(
        "accountEndpoint",
        id.name().toLowerCase(Locale.ROOT) + "." + location + ".batch.azure.com");
    properties.put("dedicatedCoreQuota", seed.dedicatedCoreQuota());
    ArrayNode families = properties.putArray("dedicatedCoreQuotaPerVMFamily");
    for (BatchAccountSeed.VmFamilyCoreQuota family : seed.dedicatedCoreQuotaPerVMFamily()) {
      families.addObject().put("name", family.name()).put("coreQuota", family.coreQuota());
    }
    properties.put(
        "dedicatedCoreQuotaPerVMFamilyEnforced", seed.dedicatedCoreQuotaPerVMFamilyEnforced());
    properties.put("lowPriorityCoreQuota", seed.lowPriorityCoreQuota());
    properties.put("poolQuota", 100);
    properties.put("activeJobAndJobScheduleQuota", 300);
    properties.put("poolAllocationMode", "BatchService");
    properties.put("publicNetworkAccess", "Enabled");
    return document;
  }

  private ObjectNode render(ArmResource account) {
    ObjectNode json = EmulatorJson.object();
    json.put("id", account.id().toString());
    json.put("name", account.id().name());
    json.put("type", TYPE);
    json.put("location", account.location());
    ObjectNode properties = json.putObject("properties");
    properties.put("provisioningState", account.provisioningState(now()));
    properties.setAll(EmulatorJson.objectAt(account.document(), "properties").deepCopy());
    json.putObject("identity").put("type", "None");
    return json;
  }
}
