package io.poolkeeper.bench;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.Condition;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.kubetest.TestNamespaces;
import io.poolkeeper.operator.Conditions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 1: N BatchPools in 10 Batch accounts on the chain's GalleryImageVersion, applied at
 * once while the operator runs; the time from the start of the apply until the last is Ready,
 * against the floor: a bare fabric8 client applying the same N objects and writing one status patch
 * to each, from the same threads. No operator can beat that: the objects have to be written, and
 * each needs at least one status write to say Ready.
 */
final class Convergence {

  /** One N's figures. */
  record Result(
      int pools,
      int accounts,
      double operatorSeconds,
      double floorSeconds,
      double floorApplySeconds,
      double ratio,
      long poolReads,
      long poolWrites,
      Map<String, Long> floorApiCalls,
      Map<String, Long> operatorApiCalls) {

    /** API server writes per pool: the operator's run (the apply included) and the floor's. */
    double operatorApiWritesPerPool() {
      return (double) ApiServerCalls.writes(operatorApiCalls) / pools;
    }

    double floorApiWritesPerPool() {
      return (double) ApiServerCalls.writes(floorApiCalls) / pools;
    }
  }

  private final BenchWorld world;

  Convergence(BenchWorld world) {
    this.world = world;
  }

  static String run(int pools) {
    return "n" + pools;
  }

  /**
   * An unreported run first, so that no measured run pays for a cold JVM (class loading, the JIT)
   * in the operator, the emulator or this client: the first run of a fresh JVM is several times
   * slower than the next.
   */
  void warmUp(int pools) throws InterruptedException {
    measure(pools, "warm");
  }

  /**
   * Measures one N, the floor first; leaves the run's operator running (for the steady state) and
   * its objects in place.
   */
  Result measure(int pools) throws InterruptedException {
    return measure(pools, run(pools));
  }

  private Result measure(int pools, String run) throws InterruptedException {
    List<BatchAccountRef> accounts = world.addAccounts(run + "a", world.plan.accounts());

    String floorNamespace = TestNamespaces.create(world.client, "bench-floor");
    Map<String, Long> floorCalls = ApiServerCalls.now(world.client);
    long floorStart = System.nanoTime();
    world.applyAll(
        floorNamespace,
        pools,
        i -> BenchWorld.pool(run, name(run, i), accounts.get(i % accounts.size()), 1));
    long floorApplied = System.nanoTime();
    BenchWorld.inParallel(pools, i -> writeReadyStatus(floorNamespace, name(run, i)));
    long floorEnd = System.nanoTime();
    floorCalls = ApiServerCalls.between(floorCalls, ApiServerCalls.now(world.client));

    Map<String, Long> before = world.emulator.admin().requestCounts();
    Map<String, Long> operatorCalls = ApiServerCalls.now(world.client);
    world.startOperator(run);
    long operatorStart;
    long allReady;
    try (ReadyWatch watch = ReadyWatch.start(world.client, world.namespace, run, pools)) {
      operatorStart = System.nanoTime();
      world.applyAll(
          world.namespace,
          pools,
          i -> BenchWorld.pool(run, name(run, i), accounts.get(i % accounts.size()), 1));
      allReady = watch.awaitAllReady(Duration.ofMinutes(10));
    }
    Map<String, Long> after = world.emulator.admin().requestCounts();
    operatorCalls = ApiServerCalls.between(operatorCalls, ApiServerCalls.now(world.client));
    double operatorSeconds = seconds(allReady - operatorStart);
    double floorSeconds = seconds(floorEnd - floorStart);
    return new Result(
        pools,
        accounts.size(),
        operatorSeconds,
        floorSeconds,
        seconds(floorApplied - floorStart),
        operatorSeconds / floorSeconds,
        poolCalls(after, before, false),
        poolCalls(after, before, true),
        floorCalls,
        operatorCalls);
  }

  /** Pool reads or writes between two counts of the emulator. */
  static long poolCalls(Map<String, Long> after, Map<String, Long> before, boolean writes) {
    return after.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(" " + SteadyState.POOLS))
        .filter(entry -> !entry.getKey().startsWith("GET ") == writes)
        .mapToLong(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L))
        .sum();
  }

  /** A pool's name (and Batch pool ID): unique in the namespace and its account. */
  static String name(String run, int index) {
    return String.format("%s-%05d", run, index);
  }

  /** The one status write an operator needs per pool, as JOSDK writes it (server-side apply). */
  private void writeReadyStatus(String namespace, String name) {
    BatchPool fresh = new BatchPool();
    fresh.getMetadata().setName(name);
    fresh.getMetadata().setNamespace(namespace);
    BatchPoolStatus status = new BatchPoolStatus();
    status.setObservedGeneration(1L);
    status.setAllocationState("Steady");
    status.setCurrentDedicatedNodes(1);
    status.setCurrentLowPriorityNodes(0);
    status.setTargetDedicatedNodes(1);
    status.setTargetLowPriorityNodes(0);
    Condition ready = new Condition();
    ready.setType(Conditions.READY);
    ready.setStatus("True");
    ready.setReason("Steady");
    ready.setMessage("The pool has 1 dedicated and 0 low-priority nodes.");
    ready.setLastTransitionTime(java.time.Instant.now().toString());
    ready.setObservedGeneration(1L);
    status.setConditions(List.of(ready));
    fresh.setStatus(status);
    world
        .client
        .resource(fresh)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("bench-floor")
                .withForce(true)
                .build());
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
