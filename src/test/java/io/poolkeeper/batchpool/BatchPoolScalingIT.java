package io.poolkeeper.batchpool;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scaling like Kubernetes (issue 10 item 7) on the real API server with the Azure emulator. A
 * HorizontalPodAutoscaler, and KEDA through the HPA it creates, never touch a target's spec: they
 * read the scale subresource (spec.replicas, status.replicas, status.selector) and write
 * spec.replicas back through it. The first test does exactly those calls; the second shows that an
 * autoscale pool is left to Batch's own autoscaler.
 */
@ExtendWith(RealApiServer.class)
class BatchPoolScalingIT {

  private static final String VERSION = "render-base-1-0-0";

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private OperatorHarness world;

  BatchPoolScalingIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @BeforeEach
  void startWorld() {
    world = OperatorHarness.start(client, kubectl, "bpscale");
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.untilCondition(GalleryImageVersion.class, VERSION, Conditions.READY, "True");
  }

  @AfterEach
  void stopWorld() {
    world.close();
  }

  @Test
  void anAutoscalerWritingTheScaleSubresourceResizesThePool() {
    world.apply(
        BatchPoolReconcilerIT.withTarget(
            world.example("render-chain.yaml", "BatchPool"), "render-pool", 10));
    world.untilCondition(BatchPool.class, "render-pool", Conditions.READY, "True");

    // What the HPA controller reads before it decides.
    Scale scale = scaleOf("render-pool");
    assertThat(scale.getSpec().getReplicas()).isEqualTo(10);
    assertThat(scale.getStatus().getReplicas()).isEqualTo(10);
    assertThat(scale.getStatus().getSelector()).isEqualTo("poolkeeper.io/batchpool=render-pool");

    // What it writes: the new replica count, through the subresource.
    client
        .resources(BatchPool.class)
        .inNamespace(world.namespace)
        .withName("render-pool")
        .scale(30);

    world.until(
        () -> world.get(BatchPool.class, "render-pool"),
        pool ->
            "True".equals(OperatorHarness.conditionStatus(pool, Conditions.READY))
                && pool.getStatus().getCurrentDedicatedNodes() == 30);
    assertThat(scaleOf("render-pool").getStatus().getReplicas()).isEqualTo(30);
    assertThat(
            BatchPoolReconcilerIT.target(
                world.azure.pools().get(ACCOUNT.pool("render-pool")).orElseThrow()))
        .isEqualTo(30);
  }

  @Test
  void anAutoscalePoolGetsItsFormulaAndTheOperatorNeverWritesNodeCounts() {
    PoolRef ref = ACCOUNT.pool("render-autoscale");
    ObjectNode pool = world.example("autoscale-pool.yaml", "BatchPool");
    // The emulator evaluates constant formulas only (AutoScaleFormula).
    ((ObjectNode) pool.at("/spec/scale/autoScale")).put("formula", "$TargetDedicatedNodes = 8;");
    world.apply(pool);

    world.until(
        () -> world.azure.pools().get(ref),
        azure -> azure.isPresent() && azure.get().currentDedicatedNodes() == 8);
    BatchPool ready =
        world.untilCondition(BatchPool.class, "render-autoscale", Conditions.READY, "True");
    assertThat(ready.getStatus().getCurrentDedicatedNodes()).isEqualTo(8);
    AutoScaleSettings settings =
        (AutoScaleSettings) world.azure.pools().get(ref).orElseThrow().settings().scale();
    assertThat(settings.formula()).isEqualTo("$TargetDedicatedNodes = 8;");
    assertThat(settings.evaluationInterval()).isEqualTo(Duration.ofMinutes(5));

    // Azure's autoscaler moves the nodes; the operator lets it.
    long before = poolWrites();
    java.time.Instant start = world.emulator.clock().instant();
    world.until(
        () -> world.emulator.clock().instant(),
        now -> now.isAfter(start.plus(Duration.ofMinutes(30))));
    world.until(
        () -> world.get(BatchPool.class, "render-autoscale"),
        object -> object.getStatus().getCurrentDedicatedNodes() == 8);
    assertThat(poolWrites()).isEqualTo(before);

    // kubectl scale on an autoscale pool is refused by the CRD, with what to do.
    Kubectl.Result refusal =
        kubectl.run("scale", "-n", world.namespace, "bp/render-autoscale", "--replicas=3");
    assertThat(refusal.exitCode()).isNotZero();
    assertThat(refusal.output()).contains("kubectl scale works only on fixed pools");

    // A new formula is applied in place.
    ((ObjectNode) pool.at("/spec/scale/autoScale")).put("formula", "$TargetDedicatedNodes = 12;");
    world.apply(pool);
    world.until(
        () -> world.azure.pools().get(ref).orElseThrow(),
        (PoolInfo azure) -> azure.currentDedicatedNodes() == 12);
  }

  private Scale scaleOf(String name) {
    return client.resources(BatchPool.class).inNamespace(world.namespace).withName(name).scale();
  }

  private long poolWrites() {
    return world.admin().requestCounts().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("Microsoft.Batch/batchAccounts/pools"))
        .filter(entry -> !entry.getKey().startsWith("GET "))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }
}
