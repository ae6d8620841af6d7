package io.poolkeeper.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ResourceId;
import io.poolkeeper.emulator.compute.ImageHandler;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends every REST example in the reference data to the emulator, after seeding what the example
 * presupposes, and compares the status, the headers that matter and the body with the example's
 * response. Where the emulator deliberately differs, {@link ExampleDifferences} names the field and
 * a test asserts what the emulator answers instead.
 */
class ReferenceExamplesReplayTest {

  private static final Duration AGES = TestWorld.AGES;

  /** Headers whose presence the examples show and the emulator must match. */
  private static final List<String> HEADERS =
      List.of("ETag", "Location", "Azure-AsyncOperation", "Retry-After");

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.unseeded();

  @TestFactory
  Stream<DynamicNode> everyExampleMatchesItsReferenceExceptNamedDifferences() {
    return ReferenceData.examples().stream()
        .map(
            file -> {
              String name = ReferenceData.name(file);
              Replay replay = new Replay(file);
              List<DynamicTest> tests = new ArrayList<>();
              tests.add(dynamicTest("matchesTheReference", () -> replay.result().assertMatches()));
              for (DeliberateDifference difference : ExampleDifferences.forFile(name)) {
                tests.add(
                    dynamicTest(
                        difference.testName(), () -> replay.result().assertDifference(difference)));
              }
              return dynamicContainer(name, tests);
            });
  }

  /** One example sent once; its tests share the answer. */
  private static final class Replay {
    private final Path file;
    private Replayed result;

    Replay(Path file) {
      this.file = file;
    }

    Replayed result() {
      if (result == null) {
        result = replay(file);
      }
      return result;
    }
  }

  /** The emulator's answer next to the example's. */
  record Replayed(String file, EmulatorClient.Reply reply, JsonNode responses) {

    JsonNode reference() {
      return responses.get(String.valueOf(reply.status()));
    }

    List<ReferenceComparison.Mismatch> mismatches() {
      JsonNode expected = reference().path("body");
      if (expected.isMissingNode()) {
        return List.of();
      }
      return ReferenceComparison.compare(expected, reply.body());
    }

    void assertMatches() {
      assertThat(responses.has(String.valueOf(reply.status())))
          .as(
              "%s answers one of the example's statuses %s, not %s: %s",
              file, fieldNames(responses), reply.status(), reply.body())
          .isTrue();
      for (String header : HEADERS) {
        boolean referenceHas = hasHeader(reference().path("headers"), header);
        if (referenceHas) {
          assertThat(reply.header(header)).as("%s header %s", file, header).isNotNull();
        }
      }
      List<String> declared =
          ExampleDifferences.forFile(file).stream().map(DeliberateDifference::pointer).toList();
      List<ReferenceComparison.Mismatch> unexplained =
          mismatches().stream().filter(m -> !declared.contains(m.pointer())).toList();
      assertThat(unexplained).as("%s differs from its reference", file).isEmpty();
    }

    void assertDifference(DeliberateDifference difference) {
      assertThat(mismatches())
          .as("%s still differs at %s", file, difference.pointer())
          .anyMatch(m -> m.pointer().equals(difference.pointer()));
      JsonNode actual = ReferenceComparison.at(reply.body(), difference.pointer());
      assertThat(difference.matches(actual))
          .as("%s: emulator %s", difference.reason(), actual)
          .isTrue();
    }
  }

  private static Replayed replay(Path file) {
    emulator.azure().admin().reset();
    JsonNode example = ReferenceData.read(file);
    JsonNode parameters = example.path("parameters");
    String operation = file.getFileName().toString().replace(".json", "");
    String apiVersion =
        parameters.path("api-version").asText(file.getParent().getFileName().toString());
    EmulatorClient.Reply reply;
    if (operation.startsWith("Pool")) {
      reply = new PoolScenario(parameters, apiVersion, example.path("responses")).run(operation);
    } else if (operation.startsWith("Image")) {
      reply = imageScenario(operation, parameters, apiVersion, example.path("responses"));
    } else if (operation.startsWith("Snapshot")) {
      reply = snapshotScenario(parameters, apiVersion, example.path("responses"));
    } else if (operation.startsWith("Gallery")) {
      reply = galleryScenario(operation, parameters, apiVersion, example.path("responses"));
    } else if (operation.startsWith("ManagementLocks")) {
      reply = lockScenario(operation, parameters, apiVersion);
    } else {
      throw new IllegalStateException("no scenario for " + file);
    }
    return new Replayed(ReferenceData.name(file), reply, example.path("responses"));
  }

  /** Batch pool examples: an account, and the pool as the example shows it before the call. */
  private static final class PoolScenario {
    private final JsonNode parameters;
    private final String query;
    private final JsonNode responses;
    private final String account;
    private final String pool;

    PoolScenario(JsonNode parameters, String apiVersion, JsonNode responses) {
      this.parameters = parameters;
      this.query = "?api-version=" + apiVersion;
      this.responses = responses;
      String subscription = parameters.path("subscriptionId").asText();
      String group = parameters.path("resourceGroupName").asText();
      emulator.azure().admin().addResourceGroup(subscription, group, "japaneast");
      this.account =
          path(
              "subscriptions",
              subscription,
              "resourceGroups",
              group,
              "providers",
              "Microsoft.Batch",
              "batchAccounts",
              parameters.path("accountName").asText());
      emulator
          .azure()
          .admin()
          .addBatchAccount(
              new BatchAccountSeed(decode(account), null, 100_000, 100_000, List.of(), false));
      this.pool = account + "/pools/" + encode(parameters.path("poolName").asText());
    }

    EmulatorClient.Reply run(String operation) {
      JsonNode shown = responses.path("200").path("body");
      if (operation.startsWith("PoolCreate")) {
        return emulator.client().put(pool + query, parameters.path("parameters"));
      }
      if (operation.equals("PoolListWithFilter")) {
        seedFilteredPools();
        return emulator
            .client()
            .get(
                account
                    + "/pools"
                    + query
                    + "&%24filter="
                    + encode(parameters.path("$filter").asText())
                    + "&%24select="
                    + encode(parameters.path("$select").asText())
                    + "&maxresults="
                    + parameters.path("maxResults").asText());
      }
      if (operation.equals("PoolList")) {
        for (JsonNode item : shown.path("value")) {
          seed(account + "/pools/" + encode(item.path("name").asText()), item);
        }
        return emulator.client().get(account + "/pools" + query);
      }
      if (operation.equals("PoolDelete")) {
        seed(pool, TestWorld.json("{\"properties\": {}}"));
        return emulator.client().delete(pool + query);
      }
      if (operation.equals("PoolDisableAutoScale")) {
        // The example shows the pool after autoscale is switched off at its formula's target.
        ObjectNode before = shown.deepCopy();
        int target =
            shown
                .path("properties")
                .path("scaleSettings")
                .path("fixedScale")
                .path("targetDedicatedNodes")
                .asInt();
        ((ObjectNode) before.path("properties"))
            .putObject("scaleSettings")
            .putObject("autoScale")
            .put("formula", "$TargetDedicatedNodes=" + target);
        seed(pool, before);
        return emulator.client().post(pool + "/disableAutoScale" + query, null);
      }
      seed(pool, resizes(operation) ? steadyAtItsNodes(shown) : shown);
      return switch (operation) {
        case "PoolGet" -> emulator.client().get(pool + query);
        case "PoolStopResize" -> emulator.client().post(pool + "/stopResize" + query, null);
        default -> emulator.client().patch(pool + query, parameters.path("parameters"));
      };
    }

    /** Whether the example's request carries scale settings, which Batch takes only when Steady. */
    private boolean resizes(String operation) {
      return operation.startsWith("PoolUpdate")
          && parameters.path("parameters").path("properties").has("scaleSettings");
    }

    /**
     * The pool {@code shown} with fixed scale at its current nodes: Batch resizes only a Steady
     * pool (Batch REST "Pools - Resize Pool"), and the examples show the pool after the resize, so
     * the pool before it is taken to be Steady at the nodes it has.
     */
    private static JsonNode steadyAtItsNodes(JsonNode shown) {
      ObjectNode before = shown.deepCopy();
      ObjectNode properties = (ObjectNode) before.path("properties");
      properties
          .putObject("scaleSettings")
          .putObject("fixedScale")
          .put("targetDedicatedNodes", properties.path("currentDedicatedNodes").asInt())
          .put("targetLowPriorityNodes", properties.path("currentLowPriorityNodes").asInt());
      return before;
    }

    /**
     * Creates a pool in the state {@code shown} describes: its current nodes allocated first, its
     * last resize error injected, then its properties.
     */
    private void seed(String poolPath, JsonNode shown) {
      JsonNode properties = shown.path("properties");
      ObjectNode writable = properties.deepCopy();
      for (String readOnly :
          List.of(
              "lastModified",
              "creationTime",
              "provisioningState",
              "provisioningStateTransitionTime",
              "allocationState",
              "allocationStateTransitionTime",
              "currentDedicatedNodes",
              "currentLowPriorityNodes",
              "resizeOperationStatus",
              "autoScaleRun")) {
        writable.remove(readOnly);
      }
      if (!writable.has("vmSize")) {
        writable.put("vmSize", "STANDARD_D4");
      }
      int dedicated = properties.path("currentDedicatedNodes").asInt();
      int lowPriority = properties.path("currentLowPriorityNodes").asInt();
      if (dedicated + lowPriority > 0) {
        // All of the pool's settings from the start: most cannot change on an existing pool.
        ObjectNode first = TestWorld.json("{\"properties\": {}}");
        ObjectNode firstProperties = (ObjectNode) first.get("properties");
        firstProperties.setAll(writable.deepCopy());
        firstProperties
            .putObject("scaleSettings")
            .putObject("fixedScale")
            .put("targetDedicatedNodes", dedicated)
            .put("targetLowPriorityNodes", lowPriority);
        assertThat(emulator.client().put(poolPath + query, first).status()).isEqualTo(200);
        emulator.azure().admin().advanceClock(AGES);
      }
      JsonNode error = properties.path("resizeOperationStatus").path("errors").path(0);
      if (error.isObject()) {
        emulator
            .azure()
            .admin()
            .failNextResize(
                new ResizeFailure(
                    decode(poolPath),
                    error.path("code").asText(),
                    error.path("message").asText(),
                    0));
      }
      ObjectNode body = TestWorld.json("{}");
      body.set("properties", writable);
      EmulatorClient.Reply seeded = emulator.client().put(poolPath + query, body);
      assertThat(seeded.status()).as("seeding %s: %s", poolPath, seeded.body()).isEqualTo(200);
    }

    /** testpool: Steady with two low-priority nodes; pooltest: growing from four. */
    private void seedFilteredPools() {
      String testpool = account + "/pools/testpool";
      String pooltest = account + "/pools/pooltest";
      emulator.client().put(testpool + query, poolOf(0, 2));
      emulator.azure().admin().advanceClock(AGES);
      emulator.client().put(pooltest + query, poolOf(4, 0));
      emulator.azure().admin().advanceClock(AGES);
      emulator.client().patch(pooltest + query, TestWorld.fixedScale(8, 0, null));
    }

    private static ObjectNode poolOf(int dedicated, int lowPriority) {
      ObjectNode body = TestWorld.fixedScale(dedicated, lowPriority, null);
      ((ObjectNode) body.get("properties")).put("vmSize", "STANDARD_D4");
      return body;
    }
  }

  /** Seeds the example's resource group; returns the path of the compute resource it names. */
  private static String seededComputeResource(
      JsonNode parameters, String resourceType, String nameParameter) {
    String subscription = parameters.path("subscriptionId").asText();
    String group = parameters.path("resourceGroupName").asText();
    emulator.azure().admin().addResourceGroup(subscription, group, "westus");
    return path(
        "subscriptions",
        subscription,
        "resourceGroups",
        group,
        "providers",
        "Microsoft.Compute",
        resourceType,
        parameters.path(nameParameter).asText());
  }

  private static EmulatorClient.Reply imageScenario(
      String operation, JsonNode parameters, String apiVersion, JsonNode responses) {
    String image = seededComputeResource(parameters, "images", "imageName");
    String query = "?api-version=" + apiVersion;
    if (operation.startsWith("Image_Create")) {
      JsonNode body = parameters.path("parameters");
      seedImageSources(body);
      return emulator.client().put(image + query, body);
    }
    if (operation.equals("Image_Get")) {
      JsonNode shown = responses.path("200").path("body");
      ObjectNode body = shown.deepCopy();
      ((ObjectNode) body.path("properties")).remove("provisioningState");
      seedImageSources(body);
      assertThat(emulator.client().put(image + query, body).status()).isEqualTo(201);
      emulator.azure().admin().advanceClock(AGES);
      return emulator.client().get(image + query);
    }
    seedImage(decode(image), apiVersion);
    return emulator.client().delete(image + query);
  }

  private static EmulatorClient.Reply snapshotScenario(
      JsonNode parameters, String apiVersion, JsonNode responses) {
    String snapshot = seededComputeResource(parameters, "snapshots", "snapshotName");
    String query = "?api-version=" + apiVersion;
    ObjectNode body = responses.path("200").path("body").deepCopy();
    ObjectNode properties = (ObjectNode) body.get("properties");
    List.of("provisioningState", "timeCreated").forEach(properties::remove);
    assertThat(emulator.client().put(snapshot + query, body).status()).isEqualTo(202);
    emulator.azure().admin().advanceClock(AGES);
    return emulator.client().get(snapshot + query);
  }

  private static EmulatorClient.Reply galleryScenario(
      String operation, JsonNode parameters, String apiVersion, JsonNode responses) {
    String subscription = parameters.path("subscriptionId").asText();
    String group = parameters.path("resourceGroupName").asText();
    emulator.azure().admin().addResourceGroup(subscription, group, "westus");
    String query = "?api-version=" + apiVersion;
    String gallery =
        path(
            "subscriptions",
            subscription,
            "resourceGroups",
            group,
            "providers",
            "Microsoft.Compute",
            "galleries",
            parameters.path("galleryName").asText());
    if (operation.equals("Gallery_Create")) {
      return emulator.client().put(gallery + query, parameters.path("gallery"));
    }
    createAndWait(gallery + query, TestWorld.json("{\"location\": \"West US\"}"));
    String definition = gallery + "/images/" + encode(parameters.path("galleryImageName").asText());
    if (operation.equals("GalleryImage_Create")) {
      return emulator.client().put(definition + query, parameters.path("galleryImage"));
    }
    createAndWait(
        definition + query,
        TestWorld.json(
            "{\"location\": \"West US\", \"properties\": {\"osType\": \"Windows\", \"osState\": \"Generalized\","
                + " \"identifier\": {\"publisher\": \"p\", \"offer\": \"o\", \"sku\": \"s\"}}}"));
    String version =
        definition + "/versions/" + encode(parameters.path("galleryImageVersionName").asText());
    JsonNode request = parameters.path("galleryImageVersion");
    JsonNode shown = responses.path("200").path("body");
    JsonNode storage =
        (request.isObject() ? request : shown).path("properties").path("storageProfile");
    seedVersionSources(storage);
    switch (operation) {
      case "GalleryImageVersion_Create", "GalleryImageVersion_Create_WithSnapshotsAsSource" -> {
        return emulator.client().put(version + query, request);
      }
      case "GalleryImageVersion_Delete" -> {
        String image =
            "/subscriptions/"
                + subscription
                + "/resourceGroups/"
                + group
                + "/providers/Microsoft.Compute/images/source";
        seedImage(image, ApiVersions.IMAGES_SDK);
        ObjectNode seeded = TestWorld.version(image, "westus", "1");
        seeded.put("location", "westus");
        createAndWait(version + query, seeded);
        return emulator.client().delete(version + query);
      }
      default -> {
        ObjectNode before = shown.deepCopy();
        ObjectNode properties = (ObjectNode) before.get("properties");
        List.of("provisioningState", "replicationStatus").forEach(properties::remove);
        createAndWait(version + query, before);
        if (operation.equals("GalleryImageVersion_Update")) {
          return emulator.client().patch(version + query, request);
        }
        return emulator
            .client()
            .get(version + query + "&%24expand=" + parameters.path("$expand").asText());
      }
    }
  }

  private static EmulatorClient.Reply lockScenario(
      String operation, JsonNode parameters, String apiVersion) {
    String subscription = parameters.path("subscriptionId").asText();
    String group = parameters.path("resourceGroupName").asText();
    emulator.azure().admin().addResourceGroup(subscription, group, "westus");
    // The example's parentResourcePath is the placeholder name itself: a resource without parent.
    String scope =
        path(
            "subscriptions",
            subscription,
            "resourcegroups",
            group,
            "providers",
            parameters.path("resourceProviderNamespace").asText(),
            parameters.path("resourceType").asText(),
            parameters.path("resourceName").asText());
    String lock =
        scope
            + "/providers/Microsoft.Authorization/locks/"
            + encode(parameters.path("lockName").asText());
    String query = "?api-version=" + apiVersion;
    if (operation.startsWith("ManagementLocks_CreateOrUpdate")) {
      return emulator.client().put(lock + query, parameters.path("parameters"));
    }
    emulator
        .client()
        .put(lock + query, TestWorld.json("{\"properties\": {\"level\": \"ReadOnly\"}}"));
    return operation.startsWith("ManagementLocks_Delete")
        ? emulator.client().delete(lock + query)
        : emulator.client().get(lock + query);
  }

  /** Snapshots and disks an image names; 10 GB each, like the examples' versions report. */
  private static void seedImageSources(JsonNode body) {
    JsonNode storage = body.path("properties").path("storageProfile");
    List<JsonNode> disks = new ArrayList<>();
    disks.add(storage.path("osDisk"));
    storage.path("dataDisks").forEach(disks::add);
    for (JsonNode disk : disks) {
      seedSnapshot(disk.path("snapshot").path("id").asText(null), disk.path("osType").asText(null));
      seedDisk(disk.path("managedDisk").path("id").asText(null));
    }
  }

  /** What a version is made from: a managed image (seeded from snapshots), snapshots, disks. */
  private static void seedVersionSources(JsonNode storage) {
    String source = storage.path("source").path("id").asText(null);
    if (source != null && ResourceId.parse(source).type().equalsIgnoreCase(ImageHandler.TYPE)) {
      seedImage(source, ApiVersions.IMAGES_SDK);
    }
    String osSource = storage.path("osDiskImage").path("source").path("id").asText(null);
    seedSnapshot(osSource, "Linux");
    for (JsonNode dataDisk : storage.path("dataDiskImages")) {
      seedDisk(dataDisk.path("source").path("id").asText(null));
    }
  }

  /** A managed image with a 10 GB OS disk (ReadOnly) and a 10 GB data disk at LUN 1 (None). */
  private static void seedImage(String imageId, String apiVersion) {
    ResourceId id = ResourceId.parse(imageId);
    emulator.azure().admin().addResourceGroup(id.subscriptionId(), id.resourceGroup(), "westus");
    String os =
        id.resourceGroupId() + "/providers/Microsoft.Compute/snapshots/" + id.name() + "-os";
    String data =
        id.resourceGroupId() + "/providers/Microsoft.Compute/snapshots/" + id.name() + "-data";
    seedSnapshot(os, "Linux");
    seedSnapshot(data, null);
    ObjectNode body =
        TestWorld.json(
            """
        {"location": "westus", "properties": {"storageProfile": {
          "osDisk": {"osType": "Linux", "osState": "Generalized", "caching": "ReadOnly", "snapshot": {"id": "%s"}},
          "dataDisks": [{"lun": 1, "caching": "None", "snapshot": {"id": "%s"}}]}}}
        """
                .formatted(os, data));
    createAndWait(encodedPath(id.toString()) + "?api-version=" + apiVersion, body);
  }

  private static void seedSnapshot(String snapshotId, String osType) {
    if (snapshotId == null) {
      return;
    }
    ResourceId id = ResourceId.parse(snapshotId);
    emulator.azure().admin().addResourceGroup(id.subscriptionId(), id.resourceGroup(), "westus");
    emulator.azure().admin().addSnapshot(new SnapshotSeed(id.toString(), null, osType, 10, null));
  }

  private static void seedDisk(String diskId) {
    if (diskId == null) {
      return;
    }
    ResourceId id = ResourceId.parse(diskId);
    emulator.azure().admin().addResourceGroup(id.subscriptionId(), id.resourceGroup(), "westus");
    emulator
        .azure()
        .admin()
        .addReferencedResource(id.toString(), null, TestWorld.json("{\"diskSizeGB\": 10}"));
  }

  private static void createAndWait(String pathAndQuery, JsonNode body) {
    EmulatorClient.Reply created = emulator.client().put(pathAndQuery, body);
    assertThat(created.status())
        .as("seeding %s: %s", pathAndQuery, created.body())
        .isIn(200, 201, 202);
    emulator.azure().admin().advanceClock(AGES);
  }

  private static boolean hasHeader(JsonNode headers, String name) {
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  /** A path of URL-encoded segments (the examples' names contain braces). */
  static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(encode(segment));
    }
    return path.toString();
  }

  private static String encodedPath(String id) {
    return path(id.substring(1).split("/"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String decode(String path) {
    return URLDecoder.decode(path, StandardCharsets.UTF_8);
  }
}
