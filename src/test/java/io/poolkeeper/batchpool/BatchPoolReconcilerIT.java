package io.poolkeeper.batchpool;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OwnerTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The BatchPool controller on the real API server with the Azure emulator (issue 10's Done-when):
 * what kubectl shows and what Azure holds.
 */
@ExtendWith(RealApiServer.class)
class BatchPoolReconcilerIT {

  private static final String NAME = "render-pool";
  private static final String VERSION = "render-base-1-0-0";
  private static final PoolRef POOL = ACCOUNT.pool(NAME);

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private OperatorHarness world;

  BatchPoolReconcilerIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @BeforeEach
  void startWorld() {
    world = OperatorHarness.start(client, kubectl, "bp");
  }

  @AfterEach
  void stopWorld() {
    world.close();
  }

  @Test
  void theExamplePoolWaitsForItsImageThenReachesReadyAtFiftyNodes() {
    world.apply(world.example("render-chain.yaml", "BatchPool"));
    BatchPool waiting =
        world.until(
            () -> world.get(BatchPool.class, NAME),
            pool -> "False".equals(OperatorHarness.conditionStatus(pool, "ImageReady")));
    assertThat(OperatorHarness.condition(waiting, "ImageReady").getMessage())
        .contains("GalleryImageVersion " + VERSION);
    assertThat(world.azure.pools().get(POOL)).isEmpty();

    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));

    BatchPool ready = untilReady();
    assertThat(ready.getStatus().getCurrentDedicatedNodes()).isEqualTo(50);
    assertThat(ready.getStatus().getTargetDedicatedNodes()).isEqualTo(50);
    assertThat(ready.getStatus().getAllocationState()).isEqualTo("Steady");
    assertThat(ready.getStatus().getPoolResourceId()).isEqualTo(POOL.resourceId());
    assertThat(ready.getStatus().getResolvedImageId())
        .isEqualTo(
            world.get(GalleryImageVersion.class, VERSION).getStatus().getImageVersionResourceId());
    assertThat(ready.getStatus().getEffectiveResizeTimeout()).isEqualTo("PT15M");
    assertThat(ready.getStatus().getSelector()).isEqualTo("poolkeeper.io/batchpool=" + NAME);
    assertThat(OperatorHarness.conditionStatus(ready, "ImageReady")).isEqualTo("True");

    PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
    assertThat(azure.settings().tags())
        .containsEntry(
            OwnerTag.KEY, world.namespace + "/" + NAME + "/" + ready.getMetadata().getUid());
    assertThat(azure.settings().startTask().commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    assertThat(world.eventReasons(NAME)).contains("Creating");
    assertThat(kubectl.succeed("get", "-n", world.namespace, "bp", NAME)).contains(NAME, "50");
  }

  @Test
  void twoAllocationTimeoutsAreRetriedUntilTheTarget() {
    applyChainAndWaitForImage();
    // The emulator's AllocationTimedout ends the resize Steady short of its target, as Batch's
    // "Pool resize errors" documentation describes.
    world
        .admin()
        .failNextResize(new ResizeFailure(POOL.resourceId(), "AllocationTimedout", null, 10));
    world.apply(world.example("render-chain.yaml", "BatchPool"));
    // The emulator takes an injected failure when a resize starts: the second is for the retry.
    world.until(() -> world.azure.pools().get(POOL), java.util.Optional::isPresent);
    world
        .admin()
        .failNextResize(new ResizeFailure(POOL.resourceId(), "AllocationTimedout", null, 10));

    BatchPool ready = untilReady();

    assertThat(ready.getStatus().getCurrentDedicatedNodes()).isEqualTo(50);
    assertThat(ready.getStatus().getResize().getAttempts()).isEqualTo(2);
    assertThat(ready.getStatus().getResize().getLastError().getCode())
        .isEqualTo("AllocationTimedout");
    assertThat(world.eventReasons(NAME).stream().filter("ResizeRetried"::equals)).hasSize(2);
  }

  private void applyChainAndWaitForImage() {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.untilCondition(GalleryImageVersion.class, VERSION, Conditions.READY, "True");
  }

  private BatchPool untilReady() {
    return world.untilCondition(BatchPool.class, NAME, Conditions.READY, "True");
  }

  static ObjectNode withTarget(ObjectNode pool, String name, int dedicatedNodes) {
    ((ObjectNode) pool.get("metadata")).put("name", name);
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", dedicatedNodes);
    return pool;
  }

  static int target(PoolInfo pool) {
    return ((FixedScaleSettings) pool.settings().scale()).targetDedicatedNodes();
  }
}
