package io.poolkeeper.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.azure.AzureClients;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorOptions;
import io.poolkeeper.kubetest.TestNamespaces;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorContext;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OperatorMetrics;
import io.poolkeeper.operator.OperatorSettings;
import io.poolkeeper.operator.PoolkeeperOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What the benchmarks share: the real API server, one namespace holding the example image chain (a
 * ManagedImage and a GalleryImageVersion, Ready before anything is timed), and the Azure emulator
 * on a clock that runs {@link BenchPlan#timeScale} times faster than the wall clock, which the
 * in-process operator decides on as well. Each run's objects carry the label {@code bench-run}, and
 * each run's operator serves only its run and the chain, so earlier runs add no load to later ones.
 */
final class BenchWorld implements AutoCloseable {

  static final String RUN_LABEL = "bench-run";
  static final String CHAIN_RUN = "chain";
  static final String VERSION = "render-base-1-0-0";

  /** Threads the benchmark applies objects with, and writes the floor's patches with. */
  static final int CLIENT_THREADS = 10;

  final KubernetesClient client;
  final BenchPlan plan;
  final String namespace;
  final AzureEmulator emulator;
  final AzureClients azure;
  private PoolkeeperOperator operator;

  private BenchWorld(KubernetesClient client, BenchPlan plan) {
    this.client = client;
    this.plan = plan;
    this.namespace = TestNamespaces.create(client, "bench");
    this.emulator =
        AzureEmulator.start(
            EmulatorOptions.builder()
                .port(0)
                .realTime(plan.timeScale())
                // Azure's own durations are not what is measured: short, so setup is quick.
                .provisioningDuration(Duration.ofSeconds(20))
                .replicationDuration(Duration.ofSeconds(20))
                .deletionDuration(Duration.ofSeconds(20))
                .nodesPerMinute(600)
                .build());
    this.azure =
        OperatorHarness.azureClients(
            emulator, AzureClients.RetrySettings.defaults(), new SimpleMeterRegistry());
    OperatorHarness.seedImageSources(emulator.admin());
  }

  /** The world with the image chain Ready. */
  static BenchWorld start(KubernetesClient client, BenchPlan plan) {
    BenchWorld world = new BenchWorld(client, plan);
    try {
      world.prepareChain();
      return world;
    } catch (RuntimeException | InterruptedException failure) {
      world.close();
      throw new IllegalStateException("the benchmark's image chain never got Ready", failure);
    }
  }

  private void prepareChain() throws InterruptedException {
    for (String kind : List.of("ManagedImage", "GalleryImageVersion")) {
      ObjectNode object = ProjectFiles.example("render-chain.yaml", kind);
      ((ObjectNode) object.path("metadata")).putObject("labels").put(RUN_LABEL, CHAIN_RUN);
      TestNamespaces.apply(client, namespace, object);
    }
    startOperator(CHAIN_RUN);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!versionReady()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "GalleryImageVersion " + VERSION + " was not Ready after 3 minutes");
      }
      Thread.sleep(100);
    }
    stopOperator();
  }

  private boolean versionReady() {
    GalleryImageVersion version =
        client.resources(GalleryImageVersion.class).inNamespace(namespace).withName(VERSION).get();
    return version != null
        && version.getStatus() != null
        && Conditions.isTrue(version.getStatus().getConditions(), Conditions.READY);
  }

  /** Batch accounts {@code <run>-0 ...} in the emulator, in the chain's region. */
  List<BatchAccountRef> addAccounts(String run, int count) {
    List<BatchAccountRef> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BatchAccountRef account =
          new BatchAccountRef(OperatorHarness.SUBSCRIPTION, OperatorHarness.BATCH_GROUP, run + i);
      emulator
          .admin()
          .addBatchAccount(
              BatchAccountSeed.withDefaultQuotas(account.resourceId(), OperatorHarness.LOCATION));
      accounts.add(account);
    }
    return accounts;
  }

  /**
   * The example BatchPool, renamed, in one run, in {@code account}, with {@code dedicatedNodes}
   * nodes on the chain's GalleryImageVersion.
   */
  static ObjectNode pool(String run, String name, BatchAccountRef account, int dedicatedNodes) {
    ObjectNode pool = ProjectFiles.example("render-chain.yaml", "BatchPool");
    ObjectNode metadata = (ObjectNode) pool.path("metadata");
    metadata.put("name", name);
    metadata.putObject("labels").put(RUN_LABEL, run);
    ObjectNode spec = (ObjectNode) pool.path("spec");
    ((ObjectNode) spec.path("account")).put("name", account.name());
    ((ObjectNode) spec.path("scale").path("fixed")).put("targetDedicatedNodes", dedicatedNodes);
    return pool;
  }

  /** Applies objects from {@link #CLIENT_THREADS} threads, as a GitOps tool syncing them would. */
  void applyAll(String namespace, int count, IntFunction<ObjectNode> object) {
    inParallel(count, i -> TestNamespaces.apply(client, namespace, object.apply(i)));
  }

  /**
   * Runs {@code task} for 0..count-1 on {@link #CLIENT_THREADS} threads; throws what they threw.
   */
  static void inParallel(int count, java.util.function.IntConsumer task) {
    ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        done.add(threads.submit(() -> task.accept(index)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    } catch (java.util.concurrent.ExecutionException failed) {
      throw new IllegalStateException(failed.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * (Re)starts the in-process operator on the emulator's clock, serving the chain and one run's
   * objects; returns what it counts.
   */
  OperatorMetrics startOperator(String run) {
    stopOperator();
    OperatorMetrics metrics = new OperatorMetrics(new SimpleMeterRegistry());
    String selector =
        run.equals(CHAIN_RUN)
            ? RUN_LABEL + "=" + CHAIN_RUN
            : RUN_LABEL + " in (" + CHAIN_RUN + "," + run + ")";
    OperatorSettings settings =
        new OperatorSettings(
            Optional.of(OperatorHarness.SUBSCRIPTION),
            Set.of(namespace),
            Optional.of(selector),
            true,
            plan.timeScale());
    operator =
        PoolkeeperOperator.start(
            client, OperatorContext.create(settings, emulator.clock(), azure, client, metrics));
    return metrics;
  }

  void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /** The operator's settings for this plan (poll intervals, in real time). */
  OperatorSettings settings() {
    return new OperatorSettings(
        Optional.empty(), Set.of(), Optional.empty(), true, plan.timeScale());
  }

  /** A real-time wait of the operator, in the simulated time it stands for. */
  static Duration simulated(Duration real, double timeScale) {
    return Duration.ofNanos((long) (real.toNanos() * timeScale));
  }

  List<BatchPool> pools(String run) {
    return client
        .resources(BatchPool.class)
        .inNamespace(namespace)
        .withLabel(RUN_LABEL, run)
        .list()
        .getItems();
  }

  @Override
  public void close() {
    stopOperator();
    emulator.close();
  }
}
