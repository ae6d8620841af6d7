package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.azure.PoolService.AutoScale;
import io.poolkeeper.azure.PoolService.FixedScale;
import io.poolkeeper.azure.PoolService.ImageId;
import io.poolkeeper.azure.PoolService.PoolDefinition;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.ResizeError;
import io.poolkeeper.azure.PoolService.StartTask;
import io.poolkeeper.emulator.ResizeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PoolService} through the Azure SDK (Batch management plane) against the emulator. */
class PoolServiceContractIT {

  @RegisterExtension static final EmulatedAzurePerClass emulated = new EmulatedAzurePerClass();

  private final EmulatedAzure azure = emulated.azure();
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
    azure.clients.images().beginCreateOrUpdate(ManagedImageServiceContractIT.fromSnapshots(image));
    GalleryService galleries = azure.clients.galleries();
    galleries.ensureGallery(imageVersion, EmulatedAzure.LOCATION, Map.of());
    azure.advance(Duration.ofMinutes(30));
    galleries.ensureImageDefinition(
        new GalleryService.ImageDefinition(
            imageVersion,
            EmulatedAzure.LOCATION,
            "Linux",
            "Generalized",
            "V2",
            "contoso",
            "render",
            "ubuntu"));
    azure.advance(Duration.ofMinutes(30));
    galleries.beginCreateOrUpdateVersion(
        new GalleryService.ImageVersionDefinition(
            imageVersion,
            EmulatedAzure.LOCATION,
            image.resourceId(),
            List.of(new GalleryService.TargetRegion(EmulatedAzure.LOCATION, 1, "Standard_LRS")),
            false,
            null,
            Map.of()));
    azure.advance(Duration.ofHours(2));
  }

  @Test
  void aCreatedPoolGrowsToItsTarget() {
    PoolInfo created =
        pools.create(definition(new FixedScale(10, 0, Duration.ofMinutes(15), "Requeue")));

    assertThat(created.provisioningState()).isEqualTo("Succeeded");
    assertThat(created.allocationState()).isEqualTo("Resizing");
    assertThat(created.etag()).isNotBlank();
    assertThat(created.image()).isEqualTo(new ImageId(imageVersion.resourceId()));
    assertThat(created.nodeAgentSkuId()).isEqualTo("batch.node.ubuntu 22.04");
    assertThat(created.startTask().commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    assertThat(created.metadata()).containsEntry("owner", "render-team");

    azure.advance(Duration.ofMinutes(10));

    PoolInfo grown = pools.get(pool).orElseThrow();
    assertThat(grown.allocationState()).isEqualTo("Steady");
    assertThat(grown.currentDedicatedNodes()).isEqualTo(10);
    assertThat(grown.resizeErrors()).isEmpty();
  }

  @Test
  void creatingAnExistingPoolIsAConflictNotAReplace() {
    pools.create(definition(new FixedScale(1, 0, Duration.ofMinutes(15), "Requeue")));

    assertThatThrownBy(
            () -> pools.create(definition(new FixedScale(5, 0, Duration.ofMinutes(15), "Requeue"))))
        .isInstanceOf(AzureException.Conflict.class);
    assertThat(pools.get(pool).orElseThrow().scale())
        .isEqualTo(new FixedScale(1, 0, Duration.ofMinutes(15), "Requeue"));
  }

  @Test
  void aMissingPoolIsEmpty() {
    assertThat(pools.get(pool)).isEmpty();
  }

  @Test
  void patchingTheScaleStartsAResizeAndLeavesTheRestAlone() {
    pools.create(definition(new FixedScale(2, 0, Duration.ofMinutes(15), "Requeue")));
    azure.advance(Duration.ofMinutes(5));

    PoolInfo patched =
        pools.patch(
            pool,
            new PoolPatch(
                new FixedScale(6, 0, Duration.ofMinutes(20), "TaskCompletion"), null, null));

    assertThat(patched.allocationState()).isEqualTo("Resizing");
    assertThat(patched.metadata()).containsEntry("owner", "render-team");
    assertThat(patched.startTask().commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    azure.advance(Duration.ofMinutes(10));
    assertThat(pools.get(pool).orElseThrow().currentDedicatedNodes()).isEqualTo(6);
  }

  @Test
  void patchingMetadataAndStartTaskOnly() {
    pools.create(definition(new FixedScale(0, 0, Duration.ofMinutes(15), "Requeue")));

    PoolInfo patched =
        pools.patch(
            pool,
            new PoolPatch(
                null,
                new StartTask("/bin/bash -c 'echo v2'", true, 2, Map.of("STAGE", "v2"), "Admin"),
                Map.of("owner", "platform")));

    assertThat(patched.metadata()).containsExactly(Map.entry("owner", "platform"));
    assertThat(patched.startTask())
        .isEqualTo(
            new StartTask("/bin/bash -c 'echo v2'", true, 2, Map.of("STAGE", "v2"), "Admin"));
    assertThat(patched.scale()).isEqualTo(new FixedScale(0, 0, Duration.ofMinutes(15), "Requeue"));
  }

  @Test
  void listReturnsEveryPoolOfTheAccountAcrossPages() {
    for (int i = 0; i < 120; i++) {
      pools.create(
          definitionOf(
              ACCOUNT.pool("pool-" + i), new FixedScale(0, 0, Duration.ofMinutes(15), "Requeue")));
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
    pools.create(definition(new FixedScale(100, 0, Duration.ofMinutes(30), "Requeue")));
    azure.advance(Duration.ofMinutes(1));

    pools.stopResize(pool);
    azure.advance(Duration.ofMinutes(1));

    PoolInfo stopped = pools.get(pool).orElseThrow();
    assertThat(stopped.allocationState()).isEqualTo("Steady");
    assertThat(stopped.currentDedicatedNodes()).isLessThan(100);
    assertThat(stopped.resizeErrors())
        .extracting(ResizeError::code)
        .containsExactly("ResizeStopped");
  }

  @Test
  void aResizeThatOutlivesItsTimeoutEndsWithAllocationTimedout() {
    pools.create(definition(new FixedScale(400, 0, Duration.ofMinutes(5), "Requeue")));

    azure.advance(Duration.ofMinutes(10));

    PoolInfo timedOut = pools.get(pool).orElseThrow();
    assertThat(timedOut.allocationState()).isEqualTo("Steady");
    assertThat(timedOut.currentDedicatedNodes()).isBetween(1, 399);
    // Batch spells it so (see the reference PoolList.json), not AllocationTimedOut.
    assertThat(timedOut.resizeErrors())
        .extracting(ResizeError::code)
        .containsExactly("AllocationTimedout");
  }

  @Test
  void anInjectedResizeFailureIsReported() {
    azure.admin().failNextResize(new ResizeFailure(pool.resourceId(), "AllocationFailed", null, 3));

    pools.create(definition(new FixedScale(10, 0, Duration.ofMinutes(15), "Requeue")));
    azure.advance(Duration.ofMinutes(10));

    PoolInfo failed = pools.get(pool).orElseThrow();
    assertThat(failed.currentDedicatedNodes()).isEqualTo(3);
    assertThat(failed.resizeErrors())
        .extracting(ResizeError::code)
        .containsExactly("AllocationFailed");
  }

  @Test
  void disableAutoScaleTurnsAnAutoscalePoolFixed() {
    pools.create(definition(new AutoScale("$TargetDedicatedNodes = 2;", Duration.ofMinutes(5))));

    PoolInfo fixed = pools.disableAutoScale(pool);

    assertThat(fixed.scale()).isInstanceOf(FixedScale.class);
  }

  @Test
  void deletingRemovesThePool() {
    pools.create(definition(new FixedScale(0, 0, Duration.ofMinutes(15), "Requeue")));

    pools.beginDelete(pool);
    azure.advance(Duration.ofMinutes(30));

    assertThat(pools.get(pool)).isEmpty();
    pools.beginDelete(pool);
  }

  @Test
  void aResizeTimeoutUnderFiveMinutesIsAnInvalidRequestNamingTheProperty() {
    assertThatThrownBy(
            () -> pools.create(definition(new FixedScale(1, 0, Duration.ofMinutes(1), "Requeue"))))
        .isInstanceOfSatisfying(
            AzureException.InvalidRequest.class,
            invalid -> {
              assertThat(invalid.code()).isEqualTo("InvalidPropertyValue");
              assertThat(invalid.httpStatus()).isEqualTo(400);
            });
  }

  private PoolDefinition definition(PoolService.Scale scale) {
    return definitionOf(pool, scale);
  }

  private PoolDefinition definitionOf(PoolRef ref, PoolService.Scale scale) {
    return new PoolDefinition(
        ref,
        "Standard_D4s_v5",
        new ImageId(imageVersion.resourceId()),
        "batch.node.ubuntu 22.04",
        scale,
        new StartTask("/bin/bash -c 'echo ready'", true, 0, Map.of(), "NonAdmin"),
        1,
        Map.of("owner", "render-team"));
  }
}
