package io.poolkeeper.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.emulator.ArmWrite;
import io.poolkeeper.kubetest.RestartableApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OperatorProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Campaign 3, the API server going away: on an API server of its own, the packaged operator runs
 * the example chain; kube-apiserver is stopped for the plan's outage (same etcd) right after the
 * operator sent a resize to Azure, and again right after it sent a pool's delete. The operator must
 * come back by itself (same process, no restart by anyone) and finish both, without writing either
 * of them to Azure twice.
 */
final class ApiServerOutageCampaign {

  private static final String POOL = "outage-pool";
  private static final Duration TICK = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final ReliabilityPlan plan;
  private final List<String> lost = new ArrayList<>();
  private int converged;

  ApiServerOutageCampaign(ReliabilityPlan plan) {
    this.plan = plan;
  }

  CampaignResult run() throws Exception {
    try (RestartableApiServer apiServer = RestartableApiServer.start();
        OperatorHarness world =
            OperatorHarness.withoutOperator(apiServer.client(), apiServer.kubectl(), "outage")) {
      Process operator =
          OperatorProcesses.start(world.operatorCommand(), apiServer.kubectl().kubeconfig());
      try {
        String poolId = ChainLifecycle.poolIdOf(POOL);
        world.apply(world.example("render-chain.yaml", "ManagedImage"));
        world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
        world.apply(pool(world, 2));
        await(world, "the chain Ready", () -> poolAt(world, 2));

        // During a resize: down as soon as the resize reached Azure.
        int before = world.admin().writes().size();
        world.apply(pool(world, 6));
        await(world, "the resize sent", () -> !poolWrites(world, before, poolId).isEmpty());
        outage(world, apiServer);
        if (await(world, "the pool resized after the outage", () -> poolAt(world, 6))) {
          converged++;
        }
        List<ArmWrite> resizes = poolWrites(world, before, poolId);
        if (resizes.size() != 1) {
          lost.add("the resize was written " + resizes.size() + " times: " + describe(resizes));
        }

        // During a delete: down as soon as the delete reached Azure.
        int beforeDelete = world.admin().writes().size();
        world
            .client
            .resources(BatchPool.class)
            .inNamespace(world.namespace)
            .withName(POOL)
            .delete();
        await(world, "the delete sent", () -> !poolWrites(world, beforeDelete, poolId).isEmpty());
        outage(world, apiServer);
        boolean gone =
            await(
                world,
                "the pool deleted after the outage",
                () ->
                    world.get(BatchPool.class, POOL) == null
                        && world.admin().resources().stream()
                            .noneMatch(held -> held.id().equalsIgnoreCase(poolId)));
        if (gone) {
          converged++;
        }
        List<ArmWrite> deletes = poolWrites(world, beforeDelete, poolId);
        if (deletes.size() != 1) {
          lost.add("the delete was written " + deletes.size() + " times: " + describe(deletes));
        }
        if (!operator.isAlive()) {
          lost.add(
              "the operator process ended (exit "
                  + operator.exitValue()
                  + ") instead of waiting for the API server: "
                  + OperatorProcesses.output(operator).lines().reduce((a, b) -> b).orElse(""));
        }
        lost.addAll(
            new AzureLedger(world.admin(), world.client, world.namespace).orphansAndDuplicates());
      } finally {
        operator.destroy();
        if (!operator.waitFor(30, TimeUnit.SECONDS)) {
          operator.destroyForcibly();
        }
      }
    }
    return new CampaignResult(
        "3. API server stopped and restarted (same etcd)",
        1,
        2,
        converged,
        2,
        lost,
        String.format(
            "kube-apiserver down %d s during a resize and during a delete; the same operator"
                + " process finished both, 1 Azure write each",
            plan.outage().toSeconds()));
  }

  /**
   * The API server away for the plan's outage while Azure's time goes on, then back on the same
   * port and etcd.
   */
  private void outage(OperatorHarness world, RestartableApiServer apiServer) throws Exception {
    apiServer.stop();
    try {
      world.client.getKubernetesVersion();
      lost.add("the API server still answered after it was stopped: the outage did not happen");
    } catch (RuntimeException expected) {
      // Away, as it should be.
    }
    long end = System.nanoTime() + plan.outage().toNanos();
    while (System.nanoTime() < end) {
      world.admin().advanceClock(TICK);
      Thread.sleep(200);
    }
    apiServer.restart(Duration.ofMinutes(2));
  }

  private static ObjectNode pool(OperatorHarness world, int target) {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("metadata")).put("name", POOL);
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", target);
    return pool;
  }

  private static boolean poolAt(OperatorHarness world, int target) {
    BatchPool pool = world.get(BatchPool.class, POOL);
    return pool != null
        && "True".equals(OperatorHarness.conditionStatus(pool, Conditions.READY))
        && pool.getStatus().getCurrentDedicatedNodes() != null
        && pool.getStatus().getCurrentDedicatedNodes() == target
        && "True"
            .equals(
                OperatorHarness.conditionStatus(
                    world.get(ManagedImage.class, ChainLifecycle.IMAGE), Conditions.READY))
        && "True"
            .equals(
                OperatorHarness.conditionStatus(
                    world.get(GalleryImageVersion.class, ChainLifecycle.VERSION),
                    Conditions.READY));
  }

  /** The operator's writes to the pool itself since the journal held {@code from} entries. */
  private static List<ArmWrite> poolWrites(OperatorHarness world, int from, String poolId) {
    List<ArmWrite> writes = world.admin().writes();
    String path = poolId.toLowerCase(Locale.ROOT);
    return writes.subList(Math.min(from, writes.size()), writes.size()).stream()
        .filter(write -> write.path().toLowerCase(Locale.ROOT).equals(path))
        .toList();
  }

  private static String describe(List<ArmWrite> writes) {
    return writes.stream().map(write -> write.method() + " at " + write.at()).toList().toString();
  }

  private boolean await(OperatorHarness world, String what, BooleanSupplier done) {
    if (EmulatorTicks.until(world.admin(), TIMEOUT, done)) {
      return true;
    }
    lost.add(what + " did not happen within " + TIMEOUT.toMinutes() + " min");
    return false;
  }
}
