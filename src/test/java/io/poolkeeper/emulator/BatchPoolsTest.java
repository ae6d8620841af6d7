package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.Timestamps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Batch pool API: CRUD, ETags, lists, validation and deletion as a long-running operation. */
class BatchPoolsTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void creatingAPoolAnswers200WithAnEtagAndTheBatchShape() {
    EmulatorClient.Reply created =
        client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.header("ETag")).matches("W/\"0x[0-9A-F]{15}\"");
    assertThat(created.body().path("etag").asText()).isEqualTo(created.header("ETag"));
    assertThat(created.body().path("id").asText()).isEqualTo(POOL);
    assertThat(created.body().path("type").asText())
        .isEqualTo("Microsoft.Batch/batchAccounts/pools");
    JsonNode properties = properties(created);
    assertThat(properties.path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(properties.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(properties.path("interNodeCommunication").asText()).isEqualTo("Disabled");
    assertThat(properties.path("taskSlotsPerNode").asInt()).isEqualTo(1);
    assertThat(properties.path("currentDedicatedNodes").asInt()).isZero();
    assertThat(properties.has("resizeOperationStatus")).isFalse();
    assertThat(properties.path("creationTime").asText())
        .isEqualTo(Timestamps.batch(azure.clock().instant()));
  }

  @Test
  void getReturnsThePoolWithItsEtag() {
    String etag =
        client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 3, null)).header("ETag");

    EmulatorClient.Reply read = client.get(POOL + BATCH_API);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo(etag);
    assertThat(properties(read).path("allocationState").asText()).isEqualTo("Resizing");
  }

  @Test
  void patchChangesOnlyTheGivenPropertiesAndTheEtag() {
    String etag =
        client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null)).header("ETag");

    EmulatorClient.Reply patched =
        client.patch(
            POOL + BATCH_API,
            json(
                "{\"properties\": {\"metadata\": [{\"name\": \"team\", \"value\": \"render\"}]}}"));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("ETag")).isNotEqualTo(etag);
    assertThat(properties(patched).path("metadata").get(0).path("value").asText())
        .isEqualTo("render");
    // Batch answers vmSize in its own casing (VmSizes.batchSpelling).
    assertThat(properties(patched).path("vmSize").asText()).isEqualTo("STANDARD_D4s_V5");
  }

  @Test
  void aStaleIfMatchIsRefusedWith412() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    EmulatorClient.Reply refused =
        client.send(
            "PATCH",
            POOL + BATCH_API,
            fixedScale(2, 0, null),
            Map.of("If-Match", "W/\"0x8D4EDFEBFADF000\""));

    assertThat(refused.status()).isEqualTo(412);
    assertThat(refused.errorCode()).isEqualTo("ConditionNotMet");
  }

  @Test
  void aMatchingIfMatchIsAccepted() {
    String etag =
        client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null)).header("ETag");

    EmulatorClient.Reply accepted =
        client.send("PATCH", POOL + BATCH_API, fixedScale(2, 0, null), Map.of("If-Match", etag));

    assertThat(accepted.status()).isEqualTo(200);
  }

  @Test
  void ifNoneMatchStarRefusesToReplaceAnExistingPool() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    EmulatorClient.Reply refused =
        client.send(
            "PUT",
            POOL + BATCH_API,
            pool("Standard_D4s_v5", null, 0, null),
            Map.of("If-None-Match", "*"));

    assertThat(refused.status()).isEqualTo(412);
  }

  @Test
  void aResizeTimeoutUnderFiveMinutesIsRefusedNamingTheProperty() {
    EmulatorClient.Reply refused =
        client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 2, "PT4M"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidPropertyValue");
    assertThat(refused.errorMessage())
        .startsWith("The value provided for one of the properties in the request body is invalid.")
        .contains("\nRequestId:" + refused.header("x-ms-request-id"));
    assertThat(refused.body().path("error").path("details").get(0).path("message").asText())
        .isEqualTo("resizeTimeout");
  }

  @Test
  void vmSizeCannotChangeWithTheSdkApiVersion() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    EmulatorClient.Reply refused =
        client.patch(POOL + BATCH_API, json("{\"properties\": {\"vmSize\": \"Standard_D8s_v5\"}}"));

    // Azure/Batch issue 85: PropertyCannotBeUpdated, details Reason, PropertyName, PropertyPath.
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("PropertyCannotBeUpdated");
    assertThat(refused.body().path("error").path("details").get(1).path("message").asText())
        .isEqualTo("vmSize");
  }

  @Test
  void vmSizeChangesInPlaceFrom2024ApiVersionsWhileThePoolIsEmpty() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    EmulatorClient.Reply changed =
        client.patch(
            POOL + "?api-version=2024-07-01",
            json("{\"properties\": {\"vmSize\": \"Standard_D8s_v5\"}}"));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(properties(changed).path("vmSize").asText()).isEqualTo("STANDARD_D8s_V5");
  }

  @Test
  void deletingAPoolIsALongRunningOperationPolledThroughLocation() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    EmulatorClient.Reply deleting = client.delete(POOL + BATCH_API);
    assertThat(deleting.status()).isEqualTo(202);
    assertThat(deleting.header("Retry-After")).isNotBlank();
    String location = deleting.header("Location");
    assertThat(location)
        .startsWith(
            azure.endpoint() + ACCOUNT.substring(1) + "/poolOperationResults/delete-render-pool-")
        .endsWith("?api-version=" + ApiVersions.BATCH_SDK);
    assertThat(properties(client.get(POOL + BATCH_API)).path("provisioningState").asText())
        .isEqualTo("Deleting");
    assertThat(client.getUrl(location).status()).isEqualTo(202);

    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply done = client.getUrl(location);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).isNull();
    EmulatorClient.Reply gone = client.get(POOL + BATCH_API);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("PoolNotFound");
    assertThat(client.delete(POOL + BATCH_API).status()).isEqualTo(204);
  }

  @Test
  void aPoolInAMissingAccountIsRefusedAsBatchDoes() {
    EmulatorClient.Reply refused =
        client.get(
            RG_PATH
                + BATCH_RG
                + "/providers/Microsoft.Batch/batchAccounts/nope/pools/p"
                + BATCH_API);

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.errorCode()).isEqualTo("AccountNotFound");
    assertThat(refused.body().path("error").path("target").asText()).isEqualTo("BatchAccount");
  }

  @Test
  void listsPageWithMaxresultsAndNextLinkAndSelectProperties() {
    for (int i = 0; i < 5; i++) {
      client.put(ACCOUNT + "/pools/pool-" + i + BATCH_API, pool("Standard_D4s_v5", null, i, null));
    }
    List<String> names = new ArrayList<>();
    String url =
        azure.endpoint()
            + ACCOUNT.substring(1)
            + "/pools"
            + BATCH_API
            + "&maxresults=2&%24select=properties%2FallocationState";
    int pages = 0;
    while (url != null) {
      EmulatorClient.Reply page = client.getUrl(url);
      assertThat(page.status()).isEqualTo(200);
      for (JsonNode pool : page.body().path("value")) {
        names.add(pool.path("name").asText());
        assertThat(pool.path("properties").size()).isEqualTo(1);
        assertThat(pool.path("properties").has("allocationState")).isTrue();
        assertThat(pool.path("etag").asText()).isNotBlank();
      }
      url = page.body().path("nextLink").asText(null);
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("pool-0", "pool-1", "pool-2", "pool-3", "pool-4");
  }

  @Test
  void listsFilterOnStateAndNamePrefix() {
    client.put(ACCOUNT + "/pools/steady-a" + BATCH_API, pool("Standard_D4s_v5", null, 0, null));
    client.put(ACCOUNT + "/pools/busy-b" + BATCH_API, pool("Standard_D4s_v5", null, 5, null));
    client.put(ACCOUNT + "/pools/steady-c" + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    assertThat(names("properties/allocationState eq 'Steady'"))
        .containsExactly("steady-a", "steady-c");
    assertThat(names("startswith(name, 'busy')")).containsExactly("busy-b");
    assertThat(names("startswith(name, 'steady') and properties/allocationState ne 'Steady'"))
        .isEmpty();
  }

  @Test
  void anInvalidFilterIsRefused() {
    EmulatorClient.Reply refused =
        client.get(ACCOUNT + "/pools" + BATCH_API + "&%24filter=name%20eq");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidQueryParameterValue");
  }

  @Test
  void disableAutoScaleFixesThePoolAtTheFormulasTarget() {
    client.put(POOL + BATCH_API, autoScalePool("Standard_D4s_v5", "$TargetDedicatedNodes=3"));

    EmulatorClient.Reply disabled = client.post(POOL + "/disableAutoScale" + BATCH_API, null);

    assertThat(disabled.status()).isEqualTo(200);
    JsonNode fixed = properties(disabled).path("scaleSettings").path("fixedScale");
    assertThat(fixed.path("targetDedicatedNodes").asInt()).isEqualTo(3);
    assertThat(fixed.path("resizeTimeout").asText()).isEqualTo("PT15M");
    assertThat(properties(disabled).path("scaleSettings").has("autoScale")).isFalse();
  }

  @Test
  void oldApiVersionsSpellTaskSlotsAsMaxTasksPerNode() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));

    JsonNode old = properties(client.get(POOL + "?api-version=2017-09-01"));

    assertThat(old.path("maxTasksPerNode").asInt()).isEqualTo(1);
    assertThat(old.has("taskSlotsPerNode")).isFalse();
  }

  // recordings/canCRUDBatchPool.json: the PUT answer echoes fixedScale.nodeDeallocationOption, the
  // list leaves it out; the PoolGet example leaves it out, the PoolUpdate examples echo it.
  @Test
  void theDeallocationOptionIsEchoedByWritesAndLeftOutOfReads() {
    ObjectNode body = pool("Standard_D4s_v5", null, 0, null);
    ((ObjectNode) body.path("properties").path("scaleSettings").path("fixedScale"))
        .put("nodeDeallocationOption", "TaskCompletion");

    JsonNode written = properties(client.put(POOL + BATCH_API, body)).path("scaleSettings");
    JsonNode read = properties(client.get(POOL + BATCH_API)).path("scaleSettings");
    JsonNode listed =
        client.get(ACCOUNT + "/pools" + BATCH_API).body().path("value").get(0).path("properties");

    assertThat(written.path("fixedScale").path("nodeDeallocationOption").asText())
        .isEqualTo("TaskCompletion");
    assertThat(read.path("fixedScale").has("nodeDeallocationOption")).isFalse();
    assertThat(read.path("fixedScale").path("targetDedicatedNodes").asInt()).isZero();
    assertThat(listed.path("scaleSettings").path("fixedScale").has("nodeDeallocationOption"))
        .isFalse();
  }

  // Batch upper-cases the tier and the version of a size, not the size itself: Standard_HB120rs_v2
  // comes back STANDARD_HB120rs_V2 (Azure/azurehpc pull request 313; azure-rest-api-specs issue
  // 4956), Standard_D4 STANDARD_D4 (every pool example).
  @Test
  void vmSizeIsAnsweredInBatchsCasing() {
    client.put(POOL + BATCH_API, pool("Standard_HB120rs_v2", null, 0, null));

    assertThat(properties(client.get(POOL + BATCH_API)).path("vmSize").asText())
        .isEqualTo("STANDARD_HB120rs_V2");
  }

  private List<String> names(String filter) {
    String encoded = URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    List<String> names = new ArrayList<>();
    client
        .get(ACCOUNT + "/pools" + BATCH_API + "&%24filter=" + encoded)
        .body()
        .path("value")
        .forEach(pool -> names.add(pool.path("name").asText()));
    return names;
  }
}
