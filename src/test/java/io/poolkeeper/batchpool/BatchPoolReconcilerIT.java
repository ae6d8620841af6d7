package io.poolkeeper.batchpool;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;
import static io.poolkeeper.operator.OperatorHarness.LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.emulator.BatchAccountSeed;
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

  /** The operator's idle poll in real time: five simulated minutes at the harness's pace. */
  private static final java.time.Duration POLL = java.time.Duration.ofMillis(600);

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
    // Queued before the pool exists, so the retry cannot start before its failure is in place.
    world
        .admin()
        .failNextResize(new ResizeFailure(POOL.resourceId(), "AllocationTimedout", null, 10));
    world.apply(world.example("render-chain.yaml", "BatchPool"));

    BatchPool ready = untilReady();

    assertThat(ready.getStatus().getCurrentDedicatedNodes()).isEqualTo(50);
    assertThat(ready.getStatus().getResize().getAttempts()).isEqualTo(2);
    assertThat(ready.getStatus().getResize().getLastError().getCode())
        .isEqualTo("AllocationTimedout");
    assertThat(world.eventReasons(NAME).stream().filter("ResizeRetried"::equals)).hasSize(2);
  }

  @Test
  void aBatchAccountDeletedWithItsResourceGroupIsReportedNotHiddenByTheLastList() {
    applyChainAndWaitForImage();
    world.apply(withTarget(world.example("render-chain.yaml", "BatchPool"), NAME, 2));
    untilReady();

    // Someone deletes the Batch resource group: the account and its pools go with it.
    assertThat(
            world
                .admin()
                .deleteResource(
                    "/subscriptions/"
                        + OperatorHarness.SUBSCRIPTION
                        + "/resourceGroups/"
                        + OperatorHarness.BATCH_GROUP)
                .status())
        .isLessThan(300);

    BatchPool reported =
        world.until(
            () -> world.get(BatchPool.class, NAME),
            pool -> "False".equals(OperatorHarness.conditionStatus(pool, Conditions.READY)));
    assertThat(OperatorHarness.condition(reported, Conditions.READY).getMessage())
        .containsIgnoringCase(OperatorHarness.BATCH_GROUP);
  }

  @Test
  void aCoreQuotaErrorIsStalledWithItsCodeAndNotHammered() {
    applyChainAndWaitForImage();
    // 200 Standard_D4s_v5 nodes need 800 cores; a new account has 500 (BatchAccountSeed), and
    // Batch ends such a resize Steady with AccountCoreQuotaReached ("Pool resize errors").
    world.apply(withTarget(world.example("render-chain.yaml", "BatchPool"), NAME, 200));

    BatchPool stalled = world.untilCondition(BatchPool.class, NAME, Conditions.STALLED, "True");
    assertThat(OperatorHarness.condition(stalled, Conditions.STALLED).getReason())
        .isEqualTo("AccountCoreQuotaReached");
    assertThat(stalled.getStatus().getResize().getLastError().getCode())
        .isEqualTo("AccountCoreQuotaReached");
    assertThat(world.eventReasons(NAME)).contains("AccountCoreQuotaReached");

    world.admin().resetRequestCounts();
    java.time.Instant end = world.admin().now().plus(java.time.Duration.ofMinutes(30));
    world.until(() -> world.admin().now(), now -> !now.isBefore(end));

    assertThat(poolWrites()).isLessThanOrEqualTo(3);
    assertThat(OperatorHarness.conditionStatus(world.get(BatchPool.class, NAME), Conditions.READY))
        .isEqualTo("False");
  }

  @Test
  void aLargeGalleryPoolGetsALongerTimeoutAndTheSecondPoolOverTheImageLimitIsCapacityLimited() {
    applyChainAndWaitForImage();
    world.apply(withTarget(world.example("render-chain.yaml", "BatchPool"), "big", 2000));
    BatchPool big =
        world.until(
            () -> world.get(BatchPool.class, "big"),
            pool ->
                pool.getStatus() != null && pool.getStatus().getEffectiveResizeTimeout() != null);
    assertThat(java.time.Duration.parse(big.getStatus().getEffectiveResizeTimeout()))
        .isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(30));
    client.resources(BatchPool.class).inNamespace(world.namespace).withName("big").delete();
    world.untilGone(BatchPool.class, "big");

    world.apply(withTarget(world.example("render-chain.yaml", "BatchPool"), "first", 1500));
    world.until(
        () -> world.azure.pools().get(ACCOUNT.pool("first")), java.util.Optional::isPresent);
    world.apply(withTarget(world.example("render-chain.yaml", "BatchPool"), "second", 1500));

    BatchPool second =
        world.untilCondition(BatchPool.class, "second", BatchPoolDecision.CAPACITY_LIMITED, "True");
    assertThat(OperatorHarness.condition(second, BatchPoolDecision.CAPACITY_LIMITED).getMessage())
        .contains("first (1500)", "2500");
    assertThat(world.azure.pools().get(ACCOUNT.pool("second"))).isEmpty();
    assertThat(
            OperatorHarness.conditionStatus(
                world.get(BatchPool.class, "first"), BatchPoolDecision.CAPACITY_LIMITED))
        .isEqualTo("False");
  }

  @Test
  void aScaleChangeMadeInAzureIsReverted() {
    applyChainAndWaitForImage();
    world.apply(world.example("render-chain.yaml", "BatchPool"));
    untilReady();

    world.admin().scalePool(POOL.resourceId(), 20, 0);

    world.until(
        () -> world.azure.pools().get(POOL).orElseThrow(),
        pool ->
            target(pool) == 50
                && pool.currentDedicatedNodes() == 50
                && "Steady".equals(pool.allocationState()));
    world.until(() -> world.eventReasons(NAME), reasons -> reasons.contains("DriftCorrected"));
    assertThat(untilReady().getStatus().getCurrentDedicatedNodes()).isEqualTo(50);
  }

  @Test
  void aNewTargetWhileThePoolIsResizingEndsAtTheNewTargetThroughKubectlScale() {
    applyChainAndWaitForImage();
    world.apply(world.example("render-chain.yaml", "BatchPool"));
    world.until(
        () -> world.azure.pools().get(POOL),
        pool -> pool.isPresent() && "Resizing".equals(pool.get().allocationState()));

    kubectl.succeed("scale", "-n", world.namespace, "bp/" + NAME, "--replicas=80");

    BatchPool ready =
        world.until(
            () -> world.get(BatchPool.class, NAME),
            pool ->
                "True".equals(OperatorHarness.conditionStatus(pool, Conditions.READY))
                    && pool.getStatus().getCurrentDedicatedNodes() == 80);
    assertThat(ready.getStatus().getTargetDedicatedNodes()).isEqualTo(80);
    assertThat(target(world.azure.pools().get(POOL).orElseThrow())).isEqualTo(80);
    assertThat(world.eventReasons(NAME)).contains("ResizeStopping");
  }

  @Test
  void aHundredSteadyPoolsInFiveAccountsCostOneListPerAccountPerPollAndNoWrites()
      throws InterruptedException {
    for (int account = 0; account < 5; account++) {
      world
          .admin()
          .addBatchAccount(
              BatchAccountSeed.withDefaultQuotas(accountRef(account).resourceId(), LOCATION));
    }
    for (int index = 0; index < 100; index++) {
      world.apply(marketplacePool("pool-" + index, "account" + (index % 5)));
    }
    world.until(
        () -> client.resources(BatchPool.class).inNamespace(world.namespace).list().getItems(),
        pools ->
            pools.size() == 100
                && pools.stream()
                    .allMatch(
                        pool ->
                            "True"
                                .equals(OperatorHarness.conditionStatus(pool, Conditions.READY))));
    // Let the Ready statuses settle into reconciles from the list alone.
    Thread.sleep(POLL.multipliedBy(3).toMillis());

    world.admin().resetRequestCounts();
    Thread.sleep(POLL.multipliedBy(10).toMillis());

    java.util.Map<String, Long> counts = world.admin().requestCounts();
    long reads = counts.getOrDefault("GET Microsoft.Batch/batchAccounts/pools", 0L);
    // Ten poll intervals: five lists each, give or take one poll at either end.
    assertThat(reads).isBetween(5L * 9, 5L * 11);
    assertThat(poolWrites()).isZero();
  }

  @Test
  void deletingThePoolObjectDeletesTheOwnedPoolAndRetainKeepsIt() {
    world
        .admin()
        .addBatchAccount(BatchAccountSeed.withDefaultQuotas(accountRef(0).resourceId(), LOCATION));
    world.apply(marketplacePool("gone", "account0"));
    ObjectNode kept = marketplacePool("kept", "account0");
    ((ObjectNode) kept.get("spec")).put("deletionPolicy", "Retain");
    world.apply(kept);
    world.untilCondition(BatchPool.class, "gone", Conditions.READY, "True");
    world.untilCondition(BatchPool.class, "kept", Conditions.READY, "True");

    client.resources(BatchPool.class).inNamespace(world.namespace).withName("gone").delete();
    client.resources(BatchPool.class).inNamespace(world.namespace).withName("kept").delete();

    world.untilGone(BatchPool.class, "gone");
    world.untilGone(BatchPool.class, "kept");
    world.until(
        () -> world.azure.pools().get(accountRef(0).pool("gone")), java.util.Optional::isEmpty);
    assertThat(world.azure.pools().get(accountRef(0).pool("kept"))).isPresent();
  }

  @Test
  void anUntaggedPoolIsAdoptedOnlyWithTheAnnotation() {
    world
        .admin()
        .addBatchAccount(BatchAccountSeed.withDefaultQuotas(accountRef(0).resourceId(), LOCATION));
    ObjectNode foreign = marketplacePool("foreign", "account0");
    world.apply(foreign);
    world.until(
        () -> world.azure.pools().get(accountRef(0).pool("foreign")),
        java.util.Optional::isPresent);
    client.resources(BatchPool.class).inNamespace(world.namespace).withName("foreign").delete();
    world.untilGone(BatchPool.class, "foreign");
    // The pool is gone with its object; make one the operator never saw, without the owner tag.
    world
        .azure
        .pools()
        .create(
            new io.poolkeeper.azure.PoolService.PoolDefinition(
                accountRef(0).pool("foreign"),
                io.poolkeeper.azure.PoolService.PoolSettings.basic(
                    "Standard_D4s_v5",
                    io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration.of(
                        io.poolkeeper.azure.batch.PoolModel.ImageReference.marketplace(
                            "canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "latest"),
                        "batch.node.ubuntu 22.04"),
                    new FixedScaleSettings(0, 0, null, null),
                    null,
                    null,
                    java.util.Map.of())));

    world.apply(marketplacePool("foreign", "account0"));
    BatchPool refused =
        world.untilCondition(BatchPool.class, "foreign", Conditions.STALLED, "True");
    assertThat(OperatorHarness.condition(refused, Conditions.STALLED).getReason())
        .isEqualTo("PoolNotOwned");

    ObjectNode adopt = marketplacePool("foreign", "account0");
    ((ObjectNode) adopt.get("metadata"))
        .putObject("annotations")
        .put(OwnerTag.ADOPT_ANNOTATION, "true");
    world.apply(adopt);
    BatchPool adopted = world.untilCondition(BatchPool.class, "foreign", Conditions.READY, "True");
    assertThat(
            world.azure.pools().get(accountRef(0).pool("foreign")).orElseThrow().settings().tags())
        .containsEntry(
            OwnerTag.KEY, world.namespace + "/foreign/" + adopted.getMetadata().getUid());
  }

  private static io.poolkeeper.azure.PoolRef.BatchAccountRef accountRef(int index) {
    return new io.poolkeeper.azure.PoolRef.BatchAccountRef(
        OperatorHarness.SUBSCRIPTION, OperatorHarness.BATCH_GROUP, "account" + index);
  }

  /** A pool of no nodes on a Marketplace image in one of the extra accounts. */
  private ObjectNode marketplacePool(String name, String account) {
    ObjectNode pool = withTarget(world.example("render-chain.yaml", "BatchPool"), name, 0);
    ObjectNode spec = (ObjectNode) pool.get("spec");
    ((ObjectNode) spec.get("account")).put("name", account);
    ObjectNode image = spec.putObject("image");
    image
        .putObject("marketplace")
        .put("publisher", "canonical")
        .put("offer", "0001-com-ubuntu-server-jammy")
        .put("sku", "22_04-lts")
        .put("version", "latest");
    return pool;
  }

  private long poolWrites() {
    return world.admin().requestCounts().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("Microsoft.Batch/batchAccounts/pools"))
        .filter(entry -> !entry.getKey().startsWith("GET "))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
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
