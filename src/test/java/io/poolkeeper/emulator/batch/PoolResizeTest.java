package io.poolkeeper.emulator.batch;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorClient;
import io.poolkeeper.emulator.EmulatorPerClass;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.emulator.TestWorld;
import io.poolkeeper.emulator.arm.Timestamps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pools grow and shrink on the clock and end their resizes the way Batch does. */
class PoolResizeTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void aPoolGrowsAtTheNodeRateUntilItReachesItsTarget() {
    assertThat(client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 50, null)).status())
        .isEqualTo(200);

    JsonNode growing = advanceAndGet(Duration.ofMinutes(1));
    assertThat(growing.path("allocationState").asText()).isEqualTo("Resizing");
    assertThat(growing.path("currentDedicatedNodes").asInt()).isEqualTo(20);
    assertThat(growing.path("resizeOperationStatus").path("targetDedicatedNodes").asInt())
        .isEqualTo(50);

    JsonNode steady = advanceAndGet(Duration.ofMinutes(2));
    assertThat(steady.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(steady.path("currentDedicatedNodes").asInt()).isEqualTo(50);
    assertThat(steady.path("resizeOperationStatus").has("errors")).isFalse();
    assertThat(steady.path("allocationStateTransitionTime").asText())
        .isEqualTo(Timestamps.batch(azure.clock().instant().minus(Duration.ofSeconds(30))));
  }

  @Test
  void aPoolShrinksAtTheNodeRate() {
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 40, null));
    azure.admin().advanceClock(AGES);

    client.patch(POOL + BATCH_API, fixedScale(10, 0, null));
    JsonNode shrinking = advanceAndGet(Duration.ofMinutes(1));
    assertThat(shrinking.path("allocationState").asText()).isEqualTo("Resizing");
    assertThat(shrinking.path("currentDedicatedNodes").asInt()).isEqualTo(20);

    assertThat(advanceAndGet(Duration.ofMinutes(1)).path("currentDedicatedNodes").asInt())
        .isEqualTo(10);
  }

  @Test
  void aResizeThatOutlivesItsTimeoutEndsWithAllocationTimedout() {
    // 400 one-core nodes take 20 minutes at 20 per minute; the timeout is 10.
    client.put(POOL + BATCH_API, pool("Standard_A1_v2", null, 400, "PT10M"));

    JsonNode pool = advanceAndGet(Duration.ofMinutes(30));

    assertThat(pool.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(200);
    JsonNode error = pool.path("resizeOperationStatus").path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("AllocationTimedout");
    assertThat(error.path("message").asText())
        .isEqualTo(
            "Desired number of dedicated nodes could not be allocated as the resize timeout was"
                + " reached");
  }

  @Test
  void aNewResizeClearsTheErrorsOfTheLastOne() {
    client.put(POOL + BATCH_API, pool("Standard_A1_v2", null, 400, "PT10M"));
    azure.admin().advanceClock(Duration.ofMinutes(30));

    client.patch(POOL + BATCH_API, fixedScale(400, 0, "PT30M"));
    JsonNode resizing = properties(client.get(POOL + BATCH_API));

    assertThat(resizing.path("allocationState").asText()).isEqualTo("Resizing");
    assertThat(resizing.path("resizeOperationStatus").has("errors")).isFalse();
    assertThat(resizing.path("currentDedicatedNodes").asInt()).isEqualTo(200);
    assertThat(advanceAndGet(Duration.ofMinutes(10)).path("currentDedicatedNodes").asInt())
        .isEqualTo(400);
  }

  @Test
  void stopResizeStopsAfterAStoppingPhaseWithResizeStopped() {
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 100, null));
    azure.admin().advanceClock(Duration.ofMinutes(1));

    EmulatorClient.Reply stopped = client.post(POOL + "/stopResize" + BATCH_API, null);
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.header("ETag")).isNotBlank();
    assertThat(properties(stopped).path("allocationState").asText()).isEqualTo("Stopping");

    JsonNode steady = advanceAndGet(Duration.ofMinutes(5));
    assertThat(steady.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(steady.path("currentDedicatedNodes").asInt()).isEqualTo(20);
    assertThat(steady.path("resizeOperationStatus").path("errors").get(0).path("code").asText())
        .isEqualTo("ResizeStopped");
  }

  @Test
  void nodesStopAtTheAccountCoreQuota() {
    azure.admin().addBatchAccount(new BatchAccountSeed(ACCOUNT, null, 40, 0, List.of(), false));
    // Standard_D4s_v5 has 4 cores: 40 cores hold 10 nodes.
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 25, null));

    JsonNode pool = advanceAndGet(Duration.ofMinutes(10));

    assertThat(pool.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(10);
    assertThat(pool.path("resizeOperationStatus").path("errors").get(0).path("code").asText())
        .isEqualTo("AccountCoreQuotaReached");
  }

  @Test
  void poolsOfAnAccountShareItsQuota() {
    azure.admin().addBatchAccount(new BatchAccountSeed(ACCOUNT, null, 40, 0, List.of(), false));
    client.put(ACCOUNT + "/pools/first" + BATCH_API, pool("Standard_D4s_v5", null, 6, null));
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 6, null));

    JsonNode second = advanceAndGet(Duration.ofMinutes(10));

    assertThat(second.path("currentDedicatedNodes").asInt()).isEqualTo(4);
    assertThat(second.path("resizeOperationStatus").path("errors").get(0).path("code").asText())
        .isEqualTo("AccountCoreQuotaReached");
  }

  @Test
  void enforcedVmFamilyQuotaStopsNodesWithTheRecordedError() {
    azure
        .admin()
        .addBatchAccount(
            new BatchAccountSeed(
                ACCOUNT,
                null,
                500,
                0,
                List.of(new BatchAccountSeed.VmFamilyCoreQuota("standardDSv5Family", 8)),
                true));
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 5, null));

    JsonNode pool = advanceAndGet(Duration.ofMinutes(10));

    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(2);
    JsonNode error = pool.path("resizeOperationStatus").path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("AccountVMSeriesCoreQuotaReached");
    assertThat(error.path("message").asText())
        .isEqualTo("The specified account has reached VM series core quota for standardDSv5Family");
  }

  @Test
  void growingAPoolWhoseGalleryImageVersionWasDeletedFailsWithAllocationFailed() {
    createImageVersion();
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", VERSION, 20, null));
    azure.admin().advanceClock(AGES);

    assertThat(azure.admin().deleteResource(VERSION).status()).isEqualTo(202);
    client.patch(POOL + BATCH_API, fixedScale(60, 0, null));
    JsonNode pool = advanceAndGet(Duration.ofMinutes(5));

    assertThat(pool.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(20);
    JsonNode error = pool.path("resizeOperationStatus").path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("AllocationFailed");
    assertThat(error.path("message").asText())
        .startsWith("There was an error encountered while performing the last resize on the pool.");
    assertThat(error.path("details").get(0).path("message").asText()).contains(VERSION);
  }

  @Test
  void deletingTheManagedImageDuringAResizeStopsItWhereItIs() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", IMAGE, 100, null));
    azure.admin().advanceClock(Duration.ofMinutes(2));

    client.delete(IMAGE + IMAGES_API);
    JsonNode pool = advanceAndGet(Duration.ofMinutes(10));

    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(40);
    assertThat(pool.path("resizeOperationStatus").path("errors").get(0).path("code").asText())
        .isEqualTo("AllocationFailed");
  }

  @Test
  void shrinkingDoesNotNeedTheImage() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", IMAGE, 20, null));
    azure.admin().advanceClock(AGES);
    client.delete(IMAGE + IMAGES_API);

    client.patch(POOL + BATCH_API, fixedScale(0, 0, null));
    JsonNode pool = advanceAndGet(Duration.ofMinutes(5));

    assertThat(pool.path("currentDedicatedNodes").asInt()).isZero();
    assertThat(pool.path("resizeOperationStatus").has("errors")).isFalse();
  }

  @Test
  void anInjectedFailureEndsTheNextResizeWithItsCode() {
    azure.admin().failNextResize(new ResizeFailure(POOL, "AllocationFailed", null, 10));
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 50, null));

    JsonNode failed = advanceAndGet(Duration.ofMinutes(10));
    assertThat(failed.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(failed.path("currentDedicatedNodes").asInt()).isEqualTo(10);
    assertThat(failed.path("resizeOperationStatus").path("errors").get(0).path("code").asText())
        .isEqualTo("AllocationFailed");

    client.patch(POOL + BATCH_API, fixedScale(50, 0, null));
    JsonNode retried = advanceAndGet(Duration.ofMinutes(10));
    assertThat(retried.path("currentDedicatedNodes").asInt()).isEqualTo(50);
    assertThat(retried.path("resizeOperationStatus").has("errors")).isFalse();
  }

  @Test
  void anAutoscaleFormulaWithAConstantTargetResizesToIt() {
    client.put(POOL + BATCH_API, autoScalePool("Standard_D2s_v5", "$TargetDedicatedNodes = 15;"));

    JsonNode pool = advanceAndGet(Duration.ofMinutes(5));

    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(15);
    assertThat(pool.path("autoScaleRun").path("results").asText())
        .isEqualTo("$TargetDedicatedNodes=15;NodeDeallocationOption=requeue");
    assertThat(pool.path("scaleSettings").path("autoScale").path("evaluationInterval").asText())
        .isEqualTo("PT15M");
  }

  @Test
  void anOpaqueAutoscaleFormulaLeavesTheNodesAlone() {
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 8, null));
    azure.admin().advanceClock(AGES);
    var change =
        TestWorld.json(
            "{\"properties\": {\"scaleSettings\": {\"autoScale\": {\"formula\":"
                + " \"$TargetDedicatedNodes = max(1, $PendingTasks.GetSample(1));\"}}}}");

    client.patch(POOL + BATCH_API, change);
    JsonNode pool = advanceAndGet(Duration.ofMinutes(5));

    assertThat(pool.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(pool.path("currentDedicatedNodes").asInt()).isEqualTo(8);
  }

  // Batch REST "Pools - Resize Pool": "If the Pool is already resizing, the request fails with
  // status code 409"; code and wording from "Batch Status and Error Codes" (PoolBeingResized).
  // hashicorp/terraform-provider-azurerm issue 7316 met it and stops the resize first.
  @Test
  void newScaleSettingsWhileResizingAreRefusedUntilTheResizeIsStopped() {
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 100, null));
    azure.admin().advanceClock(Duration.ofMinutes(1));

    EmulatorClient.Reply refused = client.patch(POOL + BATCH_API, fixedScale(40, 0, null));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("PoolBeingResized");
    assertThat(refused.errorMessage())
        .startsWith("The specified pool is being resized\nRequestId:");
    assertThat(refused.body().path("error").path("target").asText()).isEqualTo("BatchAccount");
    EmulatorClient.Reply replaced =
        client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 40, null));
    assertThat(replaced.status()).isEqualTo(409);

    client.post(POOL + "/stopResize" + BATCH_API, null);
    assertThat(client.patch(POOL + BATCH_API, fixedScale(40, 0, null)).status()).isEqualTo(409);
    azure.admin().advanceClock(PoolAllocation.STOP_DURATION);

    assertThat(client.patch(POOL + BATCH_API, fixedScale(40, 0, null)).status()).isEqualTo(200);
    assertThat(advanceAndGet(Duration.ofMinutes(5)).path("currentDedicatedNodes").asInt())
        .isEqualTo(40);
  }

  @Test
  void otherChangesAreAcceptedWhileResizing() {
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", null, 100, null));

    EmulatorClient.Reply patched =
        client.patch(
            POOL + BATCH_API,
            json("{\"properties\": {\"metadata\": [{\"name\": \"a\", \"value\": \"b\"}]}}"));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(properties(patched).path("allocationState").asText()).isEqualTo("Resizing");
  }

  @Test
  void scaleSettingsOnASteadyPoolResizeAgainEvenToTheSameTarget() {
    client.put(POOL + BATCH_API, pool("Standard_A1_v2", null, 400, "PT10M"));
    azure.admin().advanceClock(Duration.ofMinutes(30));

    client.patch(POOL + BATCH_API, fixedScale(400, 0, "PT10M"));
    JsonNode retried = properties(client.get(POOL + BATCH_API));

    assertThat(retried.path("allocationState").asText()).isEqualTo("Resizing");
    assertThat(retried.path("resizeOperationStatus").path("startTime").asText())
        .isEqualTo(Timestamps.batch(azure.clock().instant()));
  }

  // DOMAIN.md "Keep the source in place" and the custom-image guide ("Replicas must exist in the
  // Batch account's region"): nodes come from the replica in the account's region.
  @Test
  void aResizeBeforeTheVersionReachesTheAccountsRegionFailsAndOneAfterSucceeds() {
    createImageWithoutVersion();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", VERSION, 20, null));

    JsonNode failed = advanceAndGet(AGES);
    assertThat(failed.path("allocationState").asText()).isEqualTo("Steady");
    assertThat(failed.path("currentDedicatedNodes").asInt()).isZero();
    JsonNode error = failed.path("resizeOperationStatus").path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("AllocationFailed");
    assertThat(error.path("message").asText())
        .startsWith("There was an error encountered while performing the last resize on the pool.");
    assertThat(error.path("details").get(0).path("message").asText())
        .contains(VERSION)
        .contains("'West Europe'");

    client.patch(POOL + BATCH_API, fixedScale(20, 0, null));
    JsonNode grown = advanceAndGet(AGES);
    assertThat(grown.path("currentDedicatedNodes").asInt()).isEqualTo(20);
    assertThat(grown.path("resizeOperationStatus").has("errors")).isFalse();
  }

  // Raising a region's replica count adds replicas beside the ones VMs are made from: a pool keeps
  // growing meanwhile (the operator's replica policy raises it as pools are added).
  @Test
  void aPoolGrowsWhileItsRegionsReplicaCountChanges() {
    createImageVersion();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "3"));
    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", VERSION, 20, null));

    JsonNode grown = advanceAndGet(AGES);

    assertThat(grown.path("currentDedicatedNodes").asInt()).isEqualTo(20);
    assertThat(grown.path("resizeOperationStatus").has("errors")).isFalse();
  }

  @Test
  void aVersionWithoutAReplicaInTheAccountsRegionNeverGrowsThePool() {
    azure.admin().addBatchAccount(BatchAccountSeed.withDefaultQuotas(ACCOUNT, "northeurope"));
    createImageVersion();

    client.put(POOL + BATCH_API, pool("Standard_D2s_v5", VERSION, 20, null));
    JsonNode pool = advanceAndGet(AGES);

    assertThat(pool.path("currentDedicatedNodes").asInt()).isZero();
    assertThat(
            pool.path("resizeOperationStatus")
                .path("errors")
                .get(0)
                .path("details")
                .get(0)
                .path("message")
                .asText())
        .contains("'North Europe'");
  }

  private JsonNode advanceAndGet(Duration duration) {
    azure.admin().advanceClock(duration);
    return properties(client.get(POOL + BATCH_API));
  }

  private void createImageWithoutVersion() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);
    client.put(DEFINITION + GALLERY_API, definition());
    azure.admin().advanceClock(AGES);
  }

  private void createImageVersion() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);
    client.put(DEFINITION + GALLERY_API, definition());
    azure.admin().advanceClock(AGES);
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    azure.admin().advanceClock(AGES);
  }
}
