package io.poolkeeper.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The full life of one chain, as the crash and Azure-fault campaigns put it through: one
 * ManagedImage, one GalleryImageVersion and a few BatchPools are created (some resizes fail), the
 * pools are resized (more failures), rolled out to a second version, and everything is deleted.
 * After each step it waits, moving the emulator's clock, until every object has converged; at the
 * end it checks Azure with {@link AzureLedger}. Whatever runs the operator (in-process, a process
 * being killed, under faults) is the caller's business.
 */
final class ChainLifecycle {

  static final String IMAGE = "render-base-2026-11";
  static final String VERSION = "render-base-1-0-0";
  static final String NEXT_VERSION = "render-base-1-0-1";

  /** What one lifecycle ended with. */
  record Outcome(int objects, int converged, List<String> lost) {}

  private final OperatorHarness world;
  private final int pools;
  private final Duration stepTimeout;
  private final AzureLedger ledger;
  private final AzureLedger.PoolAsks asks = new AzureLedger.PoolAsks();
  private final Set<String> unconverged = new LinkedHashSet<>();
  private final List<String> lost = new ArrayList<>();
  private final Map<String, Integer> targets = new LinkedHashMap<>();

  ChainLifecycle(OperatorHarness world, int pools, Duration stepTimeout) {
    this.world = world;
    this.pools = pools;
    this.stepTimeout = stepTimeout;
    this.ledger = new AzureLedger(world.admin(), world.client, world.namespace);
  }

  static String poolName(int index) {
    return "pool-" + index;
  }

  static String poolId(int index) {
    return poolIdOf(poolName(index));
  }

  /** The resource ID of the pool a BatchPool of this name (and no spec.poolId) makes. */
  static String poolIdOf(String name) {
    return new PoolRef(OperatorHarness.ACCOUNT, name).resourceId();
  }

  Outcome run() {
    create();
    resize();
    rollout();
    delete();
    lost.addAll(AzureLedger.unaskedPoolWrites(world.admin().writes(), asks));
    int objects = pools + 3;
    return new Outcome(objects, objects - unconverged.size(), lost);
  }

  private void create() {
    // Queued before the pool exists, so its first resize fails whatever the timing.
    failNextResize(0);
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(version(VERSION, "1.0.0"));
    for (int i = 0; i < pools; i++) {
      applyPool(i, 2, VERSION);
    }
    awaitConverged("created", VERSION);
    lost.addAll(ledger.orphansAndDuplicates());
    lost.addAll(ledger.locksWithoutUse());
  }

  private void resize() {
    for (int i = 1; i < Math.min(3, pools); i++) {
      failNextResize(i);
    }
    for (int i = 0; i < pools; i++) {
      applyPool(i, i < pools / 2 + 1 ? 3 : 1, VERSION);
    }
    awaitConverged("resized", VERSION);
  }

  private void rollout() {
    world.apply(version(NEXT_VERSION, "1.0.1"));
    awaitUntil(
        "version " + NEXT_VERSION + " Ready",
        List.of(NEXT_VERSION),
        () -> ready(GalleryImageVersion.class, NEXT_VERSION));
    Instant asked = world.admin().now();
    for (int i = 0; i < pools; i++) {
      asks.rollout(poolName(i), asked);
      applyPool(i, targets.get(poolName(i)), NEXT_VERSION);
    }
    awaitConverged("rolled out", NEXT_VERSION);
    lost.addAll(ledger.orphansAndDuplicates());
    lost.addAll(ledger.locksWithoutUse());
  }

  private void delete() {
    Instant asked = world.admin().now();
    List<String> poolNames = new ArrayList<>(targets.keySet());
    for (String name : poolNames) {
      asks.delete(name, asked);
      deleteObject(BatchPool.class, name);
    }
    awaitGone(BatchPool.class, poolNames);
    deleteObject(GalleryImageVersion.class, VERSION);
    deleteObject(GalleryImageVersion.class, NEXT_VERSION);
    awaitGone(GalleryImageVersion.class, List.of(VERSION, NEXT_VERSION));
    deleteObject(ManagedImage.class, IMAGE);
    awaitGone(ManagedImage.class, List.of(IMAGE));
    lost.addAll(ledger.leftBehind());
  }

  private void failNextResize(int index) {
    world.admin().failNextResize(new ResizeFailure(poolId(index), "AllocationTimedout", null, 1));
  }

  private ObjectNode version(String name, String version) {
    ObjectNode object = world.example("render-chain.yaml", "GalleryImageVersion");
    ((ObjectNode) object.get("metadata")).put("name", name);
    ((ObjectNode) object.get("spec")).put("version", version);
    return object;
  }

  private void applyPool(int index, int target, String versionName) {
    String name = poolName(index);
    targets.put(name, target);
    asks.target(name, target, 0);
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("metadata")).put("name", name);
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", target);
    ((ObjectNode) pool.at("/spec/image/galleryImageVersionRef")).put("name", versionName);
    world.apply(pool);
  }

  /** The image, the version the pools use and every pool Ready, pools at target on it. */
  private void awaitConverged(String step, String versionName) {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put(IMAGE, () -> ready(ManagedImage.class, IMAGE));
    checks.put(versionName, () -> ready(GalleryImageVersion.class, versionName));
    String versionNumber = versionName.equals(VERSION) ? "1.0.0" : "1.0.1";
    targets.forEach(
        (name, target) ->
            checks.put(
                name,
                () -> {
                  BatchPool pool = world.get(BatchPool.class, name);
                  return ready(pool)
                      && pool.getStatus().getCurrentDedicatedNodes() != null
                      && pool.getStatus().getCurrentDedicatedNodes() == (int) target
                      && pool.getStatus().getResolvedImageId() != null
                      && pool.getStatus()
                          .getResolvedImageId()
                          .endsWith("/versions/" + versionNumber);
                }));
    await(step, checks);
  }

  private void awaitGone(Class<? extends HasMetadata> kind, List<String> names) {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    for (String name : names) {
      checks.put(name, () -> world.get(kind, name) == null);
    }
    await("deleted", checks);
  }

  private void awaitUntil(String step, List<String> names, BooleanSupplier check) {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    for (String name : names) {
      checks.put(name, check);
    }
    await(step, checks);
  }

  /**
   * Moves the emulator's clock along until every check holds or the step times out (real time);
   * what did not converge is lost, with its Ready condition's message.
   */
  private void await(String step, Map<String, BooleanSupplier> checks) {
    Set<String> pending = new LinkedHashSet<>(checks.keySet());
    EmulatorTicks.until(
        world.admin(),
        stepTimeout,
        () -> {
          pending.removeIf(name -> EmulatorTicks.holds(checks.get(name)));
          return pending.isEmpty();
        });
    for (String name : pending) {
      unconverged.add(name);
      lost.add(
          name + " not " + step + " after " + stepTimeout.toSeconds() + " s: " + describe(name));
    }
  }

  private String describe(String name) {
    try {
      for (Class<? extends CustomResource<?, ? extends ObservedStatus>> kind :
          List.of(BatchPool.class, GalleryImageVersion.class, ManagedImage.class)) {
        CustomResource<?, ? extends ObservedStatus> object = world.get(kind, name);
        if (object != null && object.getStatus() != null) {
          List<String> conditions = new ArrayList<>();
          for (Condition condition : object.getStatus().getConditions()) {
            conditions.add(
                condition.getType() + "=" + condition.getStatus() + " " + condition.getMessage());
          }
          return String.join("; ", conditions);
        }
      }
      return "no status";
    } catch (RuntimeException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private <T extends CustomResource<?, ? extends ObservedStatus>> boolean ready(
      Class<T> kind, String name) {
    return ready(world.get(kind, name));
  }

  private static boolean ready(CustomResource<?, ? extends ObservedStatus> object) {
    return object != null
        && "True".equals(OperatorHarness.conditionStatus(object, Conditions.READY));
  }

  private void deleteObject(Class<? extends HasMetadata> kind, String name) {
    world.client.resources(kind).inNamespace(world.namespace).withName(name).delete();
  }
}
