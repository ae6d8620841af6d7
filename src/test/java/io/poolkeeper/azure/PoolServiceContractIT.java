package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolDefinition;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.PoolResizeError;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import io.poolkeeper.emulator.EmulatorPerClass;
import io.poolkeeper.emulator.ResizeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PoolService} (Batch management plane, api-version 2026-08-01) against the emulator. */
class PoolServiceContractIT {

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private final EmulatedAzure azure = EmulatedAzure.on(emulated);
  private final PoolService pools = azure.clients.pools();

  private final PoolRef pool = ACCOUNT.pool("render-pool");
  private final GalleryImageVersionRef imageVersion =
      new GalleryImageVersionRef(
          EmulatedAzure.SUBSCRIPTION,
          EmulatedAzure.IMAGES_GROUP,
          "render_gallery",
          "render-base",
          "1.0.0");

  @BeforeEach
  void aGalleryImageVersionExists() {
    ImageRef image =
        new ImageRef(EmulatedAzure.SUBSCRIPTION, EmulatedAzure.IMAGES_GROUP, "render-base");
    azure.clients.images().beginCreate(ManagedImageServiceContractIT.fromSnapshots(image));
    GalleryService galleries = azure.clients.galleries();
    galleries.ensureGallery(imageVersion, EmulatedAzure.LOCATION, Map.of());
    azure.advance(Duration.ofMinutes(30));
    galleries.ensureImageDefinition(
        new GalleryService.ImageDefinitionSettings(
            imageVersion,
            EmulatedAzure.LOCATION,
            "Linux",
            "Generalized",
            "V2",
            "contoso",
            "render",
            "ubuntu"));
    azure.advance(Duration.ofMinutes(30));
    galleries.beginCreateVersion(
        new GalleryService.ImageVersionDefinition(
            imageVersion,
            EmulatedAzure.LOCATION,
            image.resourceId(),
            List.of(new GalleryService.ReplicaTarget(EmulatedAzure.LOCATION, 1, "Standard_LRS")),
            false,
            null,
            Map.of()));
    azure.advance(Duration.ofHours(2));
  }

  @Test
  void aCreatedPoolGrowsToItsTarget() {
    PoolInfo created =
        pools.create(definition(new FixedScaleSettings(10, 0, Duration.ofMinutes(15), "Requeue")));

    assertThat(created.provisioningState()).isEqualTo("Succeeded");
    assertThat(created.allocationState()).isEqualTo("Resizing");
    assertThat(created.etag()).isNotBlank();
    assertThat(created.settings().virtualMachineConfiguration().imageReference())
        .isEqualTo(ImageReference.ofId(imageVersion.resourceId()));
    assertThat(created.settings().virtualMachineConfiguration().nodeAgentSkuId())
        .isEqualTo("batch.node.ubuntu 22.04");
    assertThat(created.settings().startTask().commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    assertThat(created.settings().metadata()).containsEntry("owner", "render-team");

    azure.advance(Duration.ofMinutes(10));

    PoolInfo grown = pools.get(pool).orElseThrow();
    assertThat(grown.allocationState()).isEqualTo("Steady");
    assertThat(grown.currentDedicatedNodes()).isEqualTo(10);
    assertThat(grown.resizeErrors()).isEmpty();
  }

  @Test
  void creatingAnExistingPoolIsAConflictNotAReplace() {
    pools.create(definition(new FixedScaleSettings(1, 0, Duration.ofMinutes(15), "Requeue")));

    assertThatThrownBy(
            () ->
                pools.create(
                    definition(new FixedScaleSettings(5, 0, Duration.ofMinutes(15), "Requeue"))))
        .isInstanceOf(AzureException.Conflict.class);
    assertThat(pools.get(pool).orElseThrow().settings().scale())
        .isEqualTo(new FixedScaleSettings(1, 0, Duration.ofMinutes(15), null));
  }

  @Test
  void aMissingPoolIsEmpty() {
    assertThat(pools.get(pool)).isEmpty();
  }

  @Test
  void patchingTheScaleStartsAResizeAndLeavesTheRestAlone() {
    pools.create(definition(new FixedScaleSettings(2, 0, Duration.ofMinutes(15), "Requeue")));
    azure.advance(Duration.ofMinutes(5));

    PoolInfo patched =
        pools.patch(
            pool,
            new PoolPatch(
                new FixedScaleSettings(6, 0, Duration.ofMinutes(20), "TaskCompletion"),
                null,
                null));

    assertThat(patched.allocationState()).isEqualTo("Resizing");
    assertThat(patched.settings().metadata()).containsEntry("owner", "render-team");
    assertThat(patched.settings().startTask().commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    azure.advance(Duration.ofMinutes(10));
    assertThat(pools.get(pool).orElseThrow().currentDedicatedNodes()).isEqualTo(6);
  }

  @Test
  void aPatchOnAStaleEtagIsAConflictThatWaitingHelps() {
    PoolInfo created =
        pools.create(definition(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), "Requeue")));
    pools.patch(pool, new PoolPatch(null, null, Map.of("owner", "someone-else")));

    assertThatThrownBy(
            () ->
                pools.patch(
                    pool,
                    new PoolPatch(null, null, Map.of("owner", "render-team"))
                        .ifMatch(created.etag())))
        .isInstanceOfSatisfying(
            AzureException.Conflict.class,
            conflict -> {
              assertThat(conflict.kind()).isEqualTo(AzureException.Conflict.Kind.ETAG_MISMATCH);
              assertThat(conflict.waitingHelps()).isTrue();
            });
    PoolInfo current = pools.get(pool).orElseThrow();
    assertThat(current.settings().metadata()).containsEntry("owner", "someone-else");
    assertThat(
            pools
                .patch(
                    pool,
                    new PoolPatch(null, null, Map.of("owner", "render-team"))
                        .ifMatch(current.etag()))
                .settings()
                .metadata())
        .containsEntry("owner", "render-team");
  }

  @Test
  void resizingAPoolThatIsResizingIsAConflictUntilTheResizeIsStopped() {
    pools.create(definition(new FixedScaleSettings(100, 0, Duration.ofMinutes(30), "Requeue")));
    azure.advance(Duration.ofMinutes(1));
    PoolPatch resize =
        new PoolPatch(new FixedScaleSettings(50, 0, Duration.ofMinutes(30), "Requeue"), null, null);

    assertThatThrownBy(() -> pools.patch(pool, resize))
        .isInstanceOfSatisfying(
            AzureException.Conflict.class,
            conflict -> {
              assertThat(conflict.kind())
                  .isEqualTo(AzureException.Conflict.Kind.RESIZE_IN_PROGRESS);
              assertThat(conflict.waitingHelps()).isTrue();
            });

    pools.stopResize(pool);
    azure.advance(Duration.ofMinutes(1));
    assertThat(pools.patch(pool, resize).allocationState()).isEqualTo("Resizing");
  }

  @Test
  void thePoolTellsItsTaskSlotsAndMatchesItsVmSizeInAnyCase() {
    PoolInfo created =
        pools.create(definition(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), "Requeue")));

    PoolInfo listed = pools.list(ACCOUNT).get(0);

    assertThat(created.settings().taskSlotsPerNode()).isEqualTo(1);
    assertThat(listed.settings().taskSlotsPerNode()).isEqualTo(1);
    assertThat(listed.hasVmSize("standard_d4s_v5")).isTrue();
    assertThat(listed.hasVmSize("Standard_D8s_v5")).isFalse();
  }

  @Test
  void patchingMetadataAndStartTaskOnly() {
    pools.create(definition(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), "Requeue")));

    PoolInfo patched =
        pools.patch(
            pool,
            new PoolPatch(
                null,
                StartTaskSettings.asAutoUser(
                    "/bin/bash -c 'echo v2'", true, 2, Map.of("STAGE", "v2"), "Admin"),
                Map.of("owner", "platform")));

    assertThat(patched.settings().metadata()).containsExactly(Map.entry("owner", "platform"));
    assertThat(patched.settings().startTask())
        .isEqualTo(
            StartTaskSettings.asAutoUser(
                "/bin/bash -c 'echo v2'", true, 2, Map.of("STAGE", "v2"), "Admin"));
    // Batch does not report nodeDeallocationOption back (recordings/canCRUDBatchPool.json).
    assertThat(patched.settings().scale())
        .isEqualTo(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), null));
  }

  @Test
  void listReturnsEveryPoolOfTheAccountAcrossPages() {
    for (int i = 0; i < 120; i++) {
      pools.create(
          definitionOf(
              ACCOUNT.pool("pool-" + i),
              new FixedScaleSettings(0, 0, Duration.ofMinutes(15), "Requeue")));
    }
    azure.admin().resetRequestCounts();

    List<PoolInfo> listed = pools.list(ACCOUNT);

    assertThat(listed).hasSize(120);
    assertThat(listed).allSatisfy(p -> assertThat(p.allocationState()).isNotNull());
    assertThat(listed).extracting(PoolInfo::name).contains("pool-0", "pool-119");
    assertThat(azure.admin().requestCounts())
        .containsEntry("GET Microsoft.Batch/batchAccounts/pools", 2L);
  }

  @Test
  void stopResizeLeavesThePoolSteadyWithResizeStopped() {
    pools.create(definition(new FixedScaleSettings(100, 0, Duration.ofMinutes(30), "Requeue")));
    azure.advance(Duration.ofMinutes(1));

    pools.stopResize(pool);
    azure.advance(Duration.ofMinutes(1));

    PoolInfo stopped = pools.get(pool).orElseThrow();
    assertThat(stopped.allocationState()).isEqualTo("Steady");
    assertThat(stopped.currentDedicatedNodes()).isLessThan(100);
    assertThat(stopped.resizeErrors())
        .extracting(PoolResizeError::code)
        .containsExactly("ResizeStopped");
  }

  @Test
  void aResizeThatOutlivesItsTimeoutEndsWithAllocationTimedout() {
    pools.create(definition(new FixedScaleSettings(400, 0, Duration.ofMinutes(5), "Requeue")));

    azure.advance(Duration.ofMinutes(10));

    PoolInfo timedOut = pools.get(pool).orElseThrow();
    assertThat(timedOut.allocationState()).isEqualTo("Steady");
    assertThat(timedOut.currentDedicatedNodes()).isBetween(1, 399);
    // Batch spells it so (see the reference PoolList.json), not AllocationTimedOut.
    assertThat(timedOut.resizeErrors())
        .extracting(PoolResizeError::code)
        .containsExactly("AllocationTimedout");
  }

  @Test
  void anInjectedResizeFailureIsReported() {
    azure.admin().failNextResize(new ResizeFailure(pool.resourceId(), "AllocationFailed", null, 3));

    pools.create(definition(new FixedScaleSettings(10, 0, Duration.ofMinutes(15), "Requeue")));
    azure.advance(Duration.ofMinutes(10));

    PoolInfo failed = pools.get(pool).orElseThrow();
    assertThat(failed.currentDedicatedNodes()).isEqualTo(3);
    assertThat(failed.resizeErrors())
        .extracting(PoolResizeError::code)
        .containsExactly("AllocationFailed");
  }

  @Test
  void disableAutoScaleTurnsAnAutoscalePoolFixed() {
    pools.create(
        definition(new AutoScaleSettings("$TargetDedicatedNodes = 2;", Duration.ofMinutes(5))));

    PoolInfo fixed = pools.disableAutoScale(pool);

    assertThat(fixed.settings().scale()).isInstanceOf(FixedScaleSettings.class);
  }

  @Test
  void deletingRemovesThePoolAndTheOperationSaysWhenItIsGone() {
    pools.create(definition(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), "Requeue")));
    OperationService operations = azure.clients.operations();

    AzureOperation deletion = pools.beginDelete(pool);

    assertThat(deletion.polling()).isEqualTo(AzureOperation.Polling.LOCATION);
    assertThat(operations.status(deletion).state())
        .isEqualTo(OperationService.OperationState.IN_PROGRESS);
    azure.advance(Duration.ofMinutes(30));
    assertThat(operations.status(deletion).state())
        .isEqualTo(OperationService.OperationState.SUCCEEDED);
    assertThat(pools.get(pool)).isEmpty();
    assertThat(pools.beginDelete(pool)).isEqualTo(AzureOperation.completed());
  }

  @Test
  void aResizeTimeoutUnderFiveMinutesIsAnInvalidRequestNamingTheProperty() {
    assertThatThrownBy(
            () ->
                pools.create(
                    definition(new FixedScaleSettings(1, 0, Duration.ofMinutes(1), "Requeue"))))
        .isInstanceOfSatisfying(
            AzureException.InvalidRequest.class,
            invalid -> {
              assertThat(invalid.code()).isEqualTo("InvalidPropertyValue");
              assertThat(invalid.httpStatus()).isEqualTo(400);
            });
  }

  private PoolDefinition definition(PoolService.ScaleSettings scale) {
    return definitionOf(pool, scale);
  }

  private PoolDefinition definitionOf(PoolRef ref, PoolService.ScaleSettings scale) {
    return new PoolDefinition(
        ref,
        PoolSettings.basic(
            "Standard_D4s_v5",
            VirtualMachineConfiguration.of(
                ImageReference.ofId(imageVersion.resourceId()), "batch.node.ubuntu 22.04"),
            scale,
            StartTaskSettings.asAutoUser(
                "/bin/bash -c 'echo ready'", true, 0, Map.of(), "NonAdmin"),
            1,
            Map.of("owner", "render-team")));
  }
}
