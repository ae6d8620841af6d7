package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST admin API under /_emulator/, as the sandbox and curl use it. */
class AdminApiTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @BeforeEach
  void reset() {
    assertThat(client.admin("POST", "reset", null).status()).isEqualTo(200);
  }

  @Test
  void theClockIsReadAndAdvanced() {
    JsonNode clock = client.admin("GET", "clock", null).body();
    assertThat(clock.path("now").asText()).isEqualTo("2026-01-05T08:00:00Z");
    assertThat(clock.path("mode").asText()).isEqualTo("simulated");

    JsonNode advanced =
        client.admin("POST", "clock/advance", json("{\"duration\": \"PT1H30M\"}")).body();

    assertThat(advanced.path("now").asText()).isEqualTo("2026-01-05T09:30:00Z");
    assertThat(client.admin("POST", "clock/advance", json("{\"duration\": \"soon\"}")).status())
        .isEqualTo(400);
  }

  @Test
  void seedsWhatTheOperatorPresupposes() {
    assertThat(
            client
                .admin(
                    "POST",
                    "resource-groups",
                    json(
                        "{\"subscriptionId\": \""
                            + SUBSCRIPTION
                            + "\", \"name\": \"rg-images\", \"location\": \"westeurope\"}"))
                .status())
        .isEqualTo(200);
    client.admin(
        "POST",
        "resource-groups",
        json(
            "{\"subscriptionId\": \""
                + SUBSCRIPTION
                + "\", \"name\": \"rg-batch\", \"location\": \"westeurope\"}"));
    assertThat(
            client
                .admin(
                    "POST",
                    "snapshots",
                    json(
                        "{\"id\": \""
                            + OS_SNAPSHOT
                            + "\", \"osType\": \"Linux\", \"diskSizeGB\": 30, \"hyperVGeneration\": \"V2\"}"))
                .status())
        .isEqualTo(200);
    client.admin(
        "POST",
        "batch-accounts",
        json(
            "{\"id\": \""
                + ACCOUNT
                + "\", \"dedicatedCoreQuota\": 96, \"lowPriorityCoreQuota\": 10,"
                + " \"dedicatedCoreQuotaPerVMFamily\": [{\"name\": \"standardDSv5Family\", \"coreQuota\": 48}],"
                + " \"dedicatedCoreQuotaPerVMFamilyEnforced\": true}"));

    JsonNode snapshot =
        properties(client.get(OS_SNAPSHOT + "?api-version=" + ApiVersions.DISKS_SDK));
    assertThat(snapshot.path("osType").asText()).isEqualTo("Linux");
    assertThat(snapshot.path("diskSizeGB").asInt()).isEqualTo(30);
    assertThat(snapshot.path("hyperVGeneration").asText()).isEqualTo("V2");
    JsonNode account = client.get(ACCOUNT + BATCH_API).body();
    assertThat(account.path("location").asText()).isEqualTo("westeurope");
    assertThat(account.path("properties").path("dedicatedCoreQuota").asInt()).isEqualTo(96);
    assertThat(account.path("properties").path("dedicatedCoreQuotaPerVMFamilyEnforced").asBoolean())
        .isTrue();
  }

  @Test
  void seedingIntoAMissingResourceGroupIsRefused() {
    EmulatorClient.Reply refused =
        client.admin(
            "POST", "snapshots", json("{\"id\": \"" + OS_SNAPSHOT + "\", \"diskSizeGB\": 30}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).contains("seed it first");
  }

  @Test
  void faultsAreAddedListedAndCleared() {
    TestWorld.seed(azure.admin());
    client.admin(
        "POST",
        "faults",
        json(
            "{\"method\": \"GET\", \"resourceType\": \"Microsoft.Batch/batchAccounts\", \"status\": 429, \"retryAfterSeconds\": 3}"));

    assertThat(client.admin("GET", "faults", null).body().path("rules")).hasSize(1);
    assertThat(client.get(ACCOUNT + BATCH_API).status()).isEqualTo(429);

    client.admin("DELETE", "faults", null);
    assertThat(client.get(ACCOUNT + BATCH_API).status()).isEqualTo(200);
  }

  @Test
  void nextResizeFailureIsInjected() {
    TestWorld.seed(azure.admin());
    client.admin(
        "POST",
        "faults/next-resize",
        json("{\"poolId\": \"" + POOL + "\", \"code\": \"AllocationFailed\", \"afterNodes\": 0}"));
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 5, null));

    JsonNode pool = properties(client.get(POOL + BATCH_API));

    assertThat(pool.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(pool.path("resizeOperationStatus").path("errors").get(0).path("code").asText())
        .isEqualTo("AllocationFailed");
  }

  @Test
  void requestCountersCountByMethodAndTypeAndReset() {
    TestWorld.seed(azure.admin());
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));
    client.get(POOL + BATCH_API);
    client.get(POOL + BATCH_API);
    client.get(ACCOUNT + "/pools" + BATCH_API);

    JsonNode counters = client.admin("GET", "counters", null).body();
    assertThat(counters.path("GET Microsoft.Batch/batchAccounts/pools").asInt()).isEqualTo(3);
    assertThat(counters.path("PUT Microsoft.Batch/batchAccounts/pools").asInt()).isEqualTo(1);
    // Of the three GETs, one listed the account's pools.
    assertThat(azure.admin().listRequestCounts())
        .containsExactly(java.util.Map.entry("Microsoft.Batch/batchAccounts/pools", 1L));

    client.admin("DELETE", "counters", null);
    assertThat(azure.admin().listRequestCounts()).isEmpty();
    assertThat(client.admin("GET", "counters", null).body().size()).isZero();
  }

  @Test
  void driftScalesAPoolEditsTagsAndReplicaCounts() {
    TestWorld.seed(azure.admin());
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 2, "PT20M"));
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);
    client.put(DEFINITION + GALLERY_API, definition());
    azure.admin().advanceClock(AGES);
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    azure.admin().advanceClock(AGES);

    JsonNode scaled =
        client
            .admin(
                "POST",
                "drift/scale-pool",
                json("{\"poolId\": \"" + POOL + "\", \"targetDedicatedNodes\": 7}"))
            .body();
    assertThat(scaled.path("status").asInt()).isEqualTo(200);
    JsonNode fixed =
        properties(client.get(POOL + BATCH_API)).path("scaleSettings").path("fixedScale");
    assertThat(fixed.path("targetDedicatedNodes").asInt()).isEqualTo(7);
    assertThat(fixed.path("resizeTimeout").asText()).isEqualTo("PT20M");

    client.admin(
        "POST",
        "drift/tags",
        json("{\"id\": \"" + IMAGE + "\", \"tags\": {\"owner\": \"someone\"}}"));
    assertThat(client.get(IMAGE + IMAGES_API).body().path("tags").path("owner").asText())
        .isEqualTo("someone");

    client.admin(
        "POST",
        "drift/replica-count",
        json(
            "{\"versionId\": \""
                + VERSION
                + "\", \"region\": \"West Europe\", \"regionalReplicaCount\": 4}"));
    JsonNode region =
        properties(client.get(VERSION + GALLERY_API))
            .path("publishingProfile")
            .path("targetRegions")
            .get(0);
    assertThat(region.path("regionalReplicaCount").asInt()).isEqualTo(4);

    client.admin(
        "POST",
        "drift/update-pool",
        json(
            "{\"poolId\": \""
                + POOL
                + "\", \"properties\": {\"startTask\": {\"commandLine\": \"/bin/true\"}}}"));
    assertThat(
            properties(client.get(POOL + BATCH_API)).path("startTask").path("commandLine").asText())
        .isEqualTo("/bin/true");
  }

  @Test
  void driftDeletesAsAnOrdinaryDelete() {
    TestWorld.seed(azure.admin());
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    JsonNode outcome =
        client.admin("POST", "drift/delete", json("{\"id\": \"" + IMAGE + "\"}")).body();

    assertThat(outcome.path("status").asInt()).isEqualTo(202);
    assertThat(properties(client.get(IMAGE + IMAGES_API)).path("provisioningState").asText())
        .isEqualTo("Deleting");
  }

  @Test
  void resetForgetsEverythingAndRewindsTheClock() {
    TestWorld.seed(azure.admin());
    azure.admin().advanceClock(AGES);

    client.admin("POST", "reset", null);

    assertThat(client.get(RG_PATH + IMAGES_RG + RG_API).errorCode())
        .isEqualTo("SubscriptionNotFound");
    assertThat(client.admin("GET", "clock", null).body().path("now").asText())
        .isEqualTo("2026-01-05T08:00:00Z");
  }

  @Test
  void anUnknownEndpointIs404() {
    assertThat(client.admin("GET", "nothing-here", null).status()).isEqualTo(404);
  }
}
