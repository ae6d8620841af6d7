package io.poolkeeper.batchpool;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus.RolloutStatus;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.emulator.FaultRule;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rollouts of changes Azure cannot apply to a pool with nodes (issue 10, DESIGN.md "Rollouts"), on
 * the real API server with the Azure emulator: the example pool (strategy DrainAndRecreate) drains
 * to zero, takes the change in place or is created again with the same pool id, and scales back,
 * also when the operator is stopped in the middle and started again.
 */
@ExtendWith(RealApiServer.class)
class BatchPoolRolloutIT {

  private static final String NAME = "render-pool";
  private static final String VERSION = "render-base-1-0-0";
  private static final PoolRef POOL = ACCOUNT.pool(NAME);

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private OperatorHarness world;

  BatchPoolRolloutIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @BeforeEach
  void startWorld() {
    world = OperatorHarness.start(client, kubectl, "bprollout");
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.untilCondition(GalleryImageVersion.class, VERSION, Conditions.READY, "True");
    world.apply(world.example("render-chain.yaml", "BatchPool"));
    world.untilCondition(BatchPool.class, NAME, Conditions.READY, "True");
  }

  @AfterEach
  void stopWorld() {
    world.close();
  }

  @Test
  void aVmSizeChangeDrainsChangesTheEmptyPoolInPlaceAndScalesBackAcrossAnOperatorRestart() {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("spec")).put("vmSize", "Standard_D8s_v5");
    world.apply(pool);

    world.until(
        () -> world.get(BatchPool.class, NAME),
        object -> phase(object).equals(RolloutStatus.DRAINING));
    world.stopOperator();
    // Azure carries on draining while no operator runs.
    world.until(() -> world.azure.pools().get(POOL).orElseThrow(), PoolInfo::isEmpty);
    world.startOperator(true);

    BatchPool done = untilRolledOut();
    PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
    assertThat(azure.settings().vmSize()).isEqualToIgnoringCase("Standard_D8s_v5");
    assertThat(azure.name()).isEqualTo(NAME);
    assertThat(azure.currentDedicatedNodes()).isEqualTo(50);
    assertThat(done.getStatus().getCurrentDedicatedNodes()).isEqualTo(50);
    assertThat(world.eventReasons(NAME))
        .contains("RolloutStarted", "Applying", "RolloutCompleted")
        .doesNotContain("Recreating");
    // Changed in place: the pool was never deleted.
    assertThat(deletes()).isZero();
  }

  @Test
  void aChangeAzureRefusesOnTheEmptyPoolRecreatesItWithTheSamePoolIdAcrossAnOperatorRestart() {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("spec")).put("taskSlotsPerNode", 4);
    world.apply(pool);

    world.until(
        () -> world.get(BatchPool.class, NAME),
        object -> phase(object).equals(RolloutStatus.DRAINING));
    world.stopOperator();
    world.until(() -> world.azure.pools().get(POOL).orElseThrow(), PoolInfo::isEmpty);
    // The Batch docs say taskSlotsPerNode changes on an empty pool; should Azure still refuse it,
    // as it answers a change it cannot make in place (Azure/Batch issue 85), the pool is recreated.
    world
        .admin()
        .addFault(
            new FaultRule(
                "PATCH",
                "Microsoft.Batch/batchAccounts/pools",
                1,
                400,
                "PropertyCannotBeUpdated",
                "A property that cannot be updated was specified as part of the request.",
                null,
                0,
                1));
    world.startOperator(true);

    untilRolledOut();
    PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
    assertThat(azure.name()).isEqualTo(NAME);
    assertThat(azure.settings().taskSlotsPerNode()).isEqualTo(4);
    assertThat(azure.currentDedicatedNodes()).isEqualTo(50);
    assertThat(world.eventReasons(NAME)).contains("RolloutStarted", "Applying", "Recreating");
    assertThat(deletes()).isEqualTo(1);
  }

  @Test
  void aTaskSlotChangeDrainsAndChangesTheEmptyPoolInPlace() {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("spec")).put("taskSlotsPerNode", 4);
    world.apply(pool);

    untilRolledOut();
    PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
    assertThat(azure.settings().taskSlotsPerNode()).isEqualTo(4);
    assertThat(azure.currentDedicatedNodes()).isEqualTo(50);
    assertThat(world.eventReasons(NAME)).contains("Applying").doesNotContain("Recreating");
    assertThat(deletes()).isZero();
  }

  @Test
  void anImageChangeKeepsTheOldVersionUntilThePoolNoLongerRunsOnIt() {
    ObjectNode next = world.example("render-chain.yaml", "GalleryImageVersion");
    ((ObjectNode) next.get("metadata")).put("name", "render-base-1-1-0");
    ((ObjectNode) next.get("spec")).put("version", "1.1.0");
    world.apply(next);
    world.untilCondition(GalleryImageVersion.class, "render-base-1-1-0", Conditions.READY, "True");

    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.at("/spec/image/galleryImageVersionRef")).put("name", "render-base-1-1-0");
    world.apply(pool);
    world.until(
        () -> world.get(BatchPool.class, NAME),
        object -> phase(object).equals(RolloutStatus.DRAINING));

    // The nodes still boot 1.0.0: deleting it now leaves it Terminating, in use, in Azure.
    kubectl.succeed("delete", "-n", world.namespace, "giv", VERSION, "--wait=false");
    GalleryImageVersion kept =
        world.untilCondition(GalleryImageVersion.class, VERSION, "InUse", "True");
    assertThat(OperatorHarness.condition(kept, "InUse").getMessage()).contains("BatchPool " + NAME);

    untilRolledOut();
    PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
    assertThat(azure.settings().virtualMachineConfiguration().imageReference().id())
        .isEqualToIgnoringCase(
            world
                .get(GalleryImageVersion.class, "render-base-1-1-0")
                .getStatus()
                .getImageVersionResourceId());
    // Released once the pool runs on 1.1.0: the old version goes, in Kubernetes and in Azure.
    world.untilGone(GalleryImageVersion.class, VERSION);
    assertThat(
            world
                .azure
                .galleries()
                .getVersion(
                    new GalleryImageVersionRef(
                        OperatorHarness.SUBSCRIPTION,
                        OperatorHarness.IMAGES_GROUP,
                        "render_gallery",
                        "render-base",
                        "1.0.0")))
        .isEmpty();
  }

  @Test
  void withStrategyManualTheChangeIsBlockedWithWhatToDoAndAzureIsUntouched() {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.at("/spec/rollout")).put("strategy", "Manual");
    ((ObjectNode) pool.get("spec")).put("vmSize", "Standard_D8s_v5");
    world.apply(pool);

    BatchPool blocked = world.untilCondition(BatchPool.class, NAME, Conditions.STALLED, "True");
    assertThat(OperatorHarness.condition(blocked, Conditions.STALLED).getReason())
        .isEqualTo("RolloutRequired");
    assertThat(OperatorHarness.condition(blocked, Conditions.STALLED).getMessage())
        .contains("DrainAndRecreate", "kubectl scale bp/" + NAME + " --replicas=0");
    assertThat(phase(blocked)).isEqualTo(RolloutStatus.BLOCKED);
    PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
    assertThat(azure.currentDedicatedNodes()).isEqualTo(50);
    assertThat(azure.settings().vmSize()).isEqualToIgnoringCase("Standard_D4s_v5");
  }

  private long deletes() {
    return world.admin().requestCounts().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("DELETE "))
        .filter(entry -> entry.getKey().endsWith("Microsoft.Batch/batchAccounts/pools"))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }

  private BatchPool untilRolledOut() {
    return world.until(
        () -> world.get(BatchPool.class, NAME),
        object ->
            object.getStatus() != null
                && object.getStatus().getRollout() == null
                && Long.valueOf(object.getMetadata().getGeneration())
                    .equals(object.getStatus().getObservedGeneration())
                && "True".equals(OperatorHarness.conditionStatus(object, Conditions.READY)));
  }

  private static String phase(BatchPool object) {
    return object.getStatus() == null || object.getStatus().getRollout() == null
        ? ""
        : String.valueOf(object.getStatus().getRollout().getPhase());
  }
}
