package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.time.Duration;

/**
 * Names and bodies the behaviour tests share: one subscription with a resource group for images and
 * one for Batch, and helpers that build request bodies the way the operator's SDK calls do.
 */
public final class TestWorld {

  public static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
  public static final String IMAGES_RG = "rg-images";
  public static final String BATCH_RG = "rg-batch";
  public static final String LOCATION = "westeurope";
  public static final String RG_PATH = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/";
  public static final String COMPUTE = RG_PATH + IMAGES_RG + "/providers/Microsoft.Compute";
  public static final String OS_SNAPSHOT = COMPUTE + "/snapshots/render-os";
  public static final String DATA_SNAPSHOT = COMPUTE + "/snapshots/render-data0";
  public static final String IMAGE = COMPUTE + "/images/render-base";
  public static final String GALLERY = COMPUTE + "/galleries/render_gallery";
  public static final String DEFINITION = GALLERY + "/images/render-base";
  public static final String VERSION = DEFINITION + "/versions/1.0.0";
  public static final String ACCOUNT =
      RG_PATH + BATCH_RG + "/providers/Microsoft.Batch/batchAccounts/renderbatch";
  public static final String POOL = ACCOUNT + "/pools/render-pool";

  public static final String IMAGES_API = "?api-version=" + ApiVersions.IMAGES_SDK;
  public static final String GALLERY_API = "?api-version=" + ApiVersions.GALLERIES_SDK;
  public static final String BATCH_API = "?api-version=" + ApiVersions.BATCH_SDK;
  public static final String RG_API = "?api-version=" + ApiVersions.RESOURCES_SDK;
  public static final String LOCKS_API = "?api-version=" + ApiVersions.LOCKS_SDK;

  /** Long enough for anything the default options simulate to finish. */
  public static final Duration AGES = Duration.ofHours(2);

  private TestWorld() {}

  /** Resource groups, two snapshots and a Batch account with the default quotas. */
  public static void seed(EmulatorAdmin admin) {
    admin.addResourceGroup(SUBSCRIPTION, IMAGES_RG, LOCATION);
    admin.addResourceGroup(SUBSCRIPTION, BATCH_RG, LOCATION);
    admin.addSnapshot(new SnapshotSeed(OS_SNAPSHOT, null, "Linux", 30, "V2"));
    admin.addSnapshot(new SnapshotSeed(DATA_SNAPSHOT, null, null, 100, null));
    admin.addBatchAccount(BatchAccountSeed.withDefaultQuotas(ACCOUNT, null));
  }

  public static ObjectNode json(String text) {
    return (ObjectNode) EmulatorJson.parse(text);
  }

  /** A managed image from the OS snapshot and the data snapshot at LUN 0. */
  public static ObjectNode imageFromSnapshots() {
    return json(
        """
        {"location": "westeurope", "properties": {
          "hyperVGeneration": "V2",
          "storageProfile": {
            "osDisk": {"osType": "Linux", "osState": "Generalized",
                       "snapshot": {"id": "%s"}},
            "dataDisks": [{"lun": 0, "snapshot": {"id": "%s"}}]}}}
        """
            .formatted(OS_SNAPSHOT, DATA_SNAPSHOT));
  }

  public static ObjectNode gallery() {
    return json("{\"location\": \"westeurope\", \"properties\": {\"description\": \"render\"}}");
  }

  public static ObjectNode definition() {
    return json(
        """
        {"location": "westeurope", "properties": {
          "osType": "Linux", "osState": "Generalized", "hyperVGeneration": "V2",
          "identifier": {"publisher": "contoso", "offer": "render", "sku": "ubuntu-22-04"}}}
        """);
  }

  public static ObjectNode version(String sourceImage, String... regionsAndCounts) {
    ObjectNode body = json("{\"location\": \"westeurope\", \"properties\": {}}");
    ObjectNode properties = (ObjectNode) body.get("properties");
    var regions = properties.putObject("publishingProfile").putArray("targetRegions");
    for (int i = 0; i < regionsAndCounts.length; i += 2) {
      regions
          .addObject()
          .put("name", regionsAndCounts[i])
          .put("regionalReplicaCount", Integer.parseInt(regionsAndCounts[i + 1]))
          .put("storageAccountType", "Standard_LRS");
    }
    properties.putObject("storageProfile").putObject("source").put("id", sourceImage);
    return body;
  }

  /** A fixed-scale pool of {@code dedicated} nodes on {@code imageId} (or Ubuntu if null). */
  public static ObjectNode pool(
      String vmSize, String imageId, int dedicated, String resizeTimeout) {
    ObjectNode body = json("{\"properties\": {}}");
    ObjectNode properties = (ObjectNode) body.get("properties");
    properties.put("vmSize", vmSize);
    ObjectNode vm =
        properties.putObject("deploymentConfiguration").putObject("virtualMachineConfiguration");
    if (imageId != null) {
      vm.putObject("imageReference").put("id", imageId);
    } else {
      vm.putObject("imageReference")
          .put("publisher", "Canonical")
          .put("offer", "0001-com-ubuntu-server-jammy")
          .put("sku", "22_04-lts")
          .put("version", "latest");
    }
    vm.put("nodeAgentSkuId", "batch.node.ubuntu 22.04");
    ObjectNode fixed = properties.putObject("scaleSettings").putObject("fixedScale");
    fixed.put("targetDedicatedNodes", dedicated);
    fixed.put("targetLowPriorityNodes", 0);
    if (resizeTimeout != null) {
      fixed.put("resizeTimeout", resizeTimeout);
    }
    return body;
  }

  /** A pool whose size an autoscale formula sets. */
  public static ObjectNode autoScalePool(String vmSize, String formula) {
    ObjectNode body = pool(vmSize, null, 0, null);
    ((ObjectNode) body.get("properties"))
        .putObject("scaleSettings")
        .putObject("autoScale")
        .put("formula", formula);
    return body;
  }

  public static ObjectNode fixedScale(int dedicated, int lowPriority, String resizeTimeout) {
    ObjectNode body = json("{\"properties\": {\"scaleSettings\": {\"fixedScale\": {}}}}");
    ObjectNode fixed = (ObjectNode) body.path("properties").path("scaleSettings").get("fixedScale");
    fixed.put("targetDedicatedNodes", dedicated);
    fixed.put("targetLowPriorityNodes", lowPriority);
    if (resizeTimeout != null) {
      fixed.put("resizeTimeout", resizeTimeout);
    }
    return body;
  }

  public static JsonNode properties(EmulatorClient.Reply reply) {
    return reply.body().path("properties");
  }
}
