package io.poolkeeper.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.kubetest.Commands;
import io.poolkeeper.kubetest.TestNamespaces;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 4: the packaged operator as a separate process, started with the container image's JVM
 * options under the Deployment's memory limit and serving every namespace (as the kustomize base
 * does; a label selector keeps it to these objects on the shared test server), on a cluster that
 * already holds the BatchPool objects (most in one namespace, 100 per Batch account, on the chain's
 * gallery image by ID, at zero nodes): the time from launching {@code java -jar} to its first
 * reconcile (the first finalizer it adds), and, once every pool is Ready, its heap after a full GC
 * ({@code jcmd}). It runs first, while the server holds no other benchmark's objects.
 */
final class Footprint {

  static final String RUN = "footprint";
  static final int POOLS_PER_ACCOUNT = 100;

  /** The Deployment's memory limit (deploy/kustomize/base/deployment.yaml), as the JVM sees it. */
  static final String MEMORY_LIMIT = "768m";

  record Result(
      int pools,
      int namespaces,
      double startToFirstReconcileSeconds,
      double convergenceSeconds,
      double heapAfterFullGcMiB,
      double residentMiB,
      List<String> jvmOptions) {}

  private final BenchWorld world;

  Footprint(BenchWorld world) {
    this.world = world;
  }

  Result measure(int pools, int namespaceCount, Path kubeconfig)
      throws IOException, InterruptedException {
    List<String> namespaces = new ArrayList<>();
    for (int i = 0; i < namespaceCount; i++) {
      namespaces.add(TestNamespaces.create(world.client, "bench-fp"));
    }
    int accountCount = (pools + POOLS_PER_ACCOUNT - 1) / POOLS_PER_ACCOUNT;
    List<BatchAccountRef> accounts = world.addAccounts("fpa", accountCount);
    String imageId = imageId();
    int inFirst = namespaceCount == 1 ? pools : pools * 9 / 10;
    BenchWorld.inParallel(
        pools,
        i -> {
          String namespace =
              i < inFirst ? namespaces.get(0) : namespaces.get(1 + i % (namespaceCount - 1));
          TestNamespaces.apply(
              world.client,
              namespace,
              pool(Convergence.name("fp", i), accounts.get(i / POOLS_PER_ACCOUNT), imageId));
        });

    Set<String> ready = ConcurrentHashMap.newKeySet();
    long[] firstReconcile = {0};
    SharedIndexInformer<BatchPool> informer =
        world
            .client
            .resources(BatchPool.class)
            .inAnyNamespace()
            .withLabel(BenchWorld.RUN_LABEL, RUN)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(BatchPool pool) {}

                  @Override
                  public void onUpdate(BatchPool old, BatchPool pool) {
                    synchronized (firstReconcile) {
                      if (firstReconcile[0] == 0 && !pool.getFinalizers().isEmpty()) {
                        firstReconcile[0] = System.nanoTime();
                      }
                    }
                    if (pool.getStatus() != null
                        && Conditions.isTrue(pool.getStatus().getConditions(), Conditions.READY)) {
                      ready.add(
                          pool.getMetadata().getNamespace() + "/" + pool.getMetadata().getName());
                    }
                  }

                  @Override
                  public void onDelete(BatchPool pool, boolean unknownFinalState) {}
                });
    List<String> jvmOptions = jvmOptions();
    Process operator = null;
    try {
      long launch = System.nanoTime();
      operator =
          OperatorProcesses.start(
              jvmOptions,
              List.of(
                  "operator",
                  "--azure-endpoint",
                  world.emulator.endpoint().toString(),
                  "--azure-ca-file",
                  world.emulator.caCertificateFile().toString(),
                  "--azure-token",
                  "emulator-token",
                  // Every namespace, as the kustomize base serves: one informer per kind.
                  "--selector",
                  BenchWorld.RUN_LABEL + "=" + RUN,
                  "--http-port",
                  String.valueOf(OperatorProcesses.freePort())),
              kubeconfig);
      long deadline = launch + Duration.ofMinutes(20).toNanos();
      while (ready.size() < pools) {
        if (!operator.isAlive()) {
          throw new IllegalStateException(
              "the operator process ended: " + OperatorProcesses.output(operator));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              ready.size() + " of " + pools + " footprint pools Ready after 20 minutes");
        }
        Thread.sleep(50);
      }
      long allReady = System.nanoTime();
      long first;
      synchronized (firstReconcile) {
        first = firstReconcile[0];
      }
      return new Result(
          pools,
          namespaceCount,
          Convergence.seconds(first - launch),
          Convergence.seconds(allReady - launch),
          heapAfterFullGc(operator.pid()),
          residentMiB(operator.pid()),
          jvmOptions);
    } finally {
      informer.close();
      if (operator != null) {
        operator.destroy();
        operator.waitFor();
      }
    }
  }

  private String imageId() {
    GalleryImageVersion version =
        world
            .client
            .resources(GalleryImageVersion.class)
            .inNamespace(world.namespace)
            .withName(BenchWorld.VERSION)
            .get();
    return version.getStatus().getImageVersionResourceId();
  }

  private static ObjectNode pool(String name, BatchAccountRef account, String imageId) {
    ObjectNode pool = BenchWorld.pool(RUN, name, account, 0);
    ObjectNode image = ((ObjectNode) pool.path("spec")).putObject("image");
    image.put("id", imageId);
    return pool;
  }

  /**
   * The container image's JVM options (deploy/container/Dockerfile's ENTRYPOINT between {@code
   * java} and {@code -jar}) under the Deployment's memory limit.
   */
  static List<String> jvmOptions() throws IOException {
    String dockerfile =
        Files.readString(ProjectFiles.root().resolve("deploy/container/Dockerfile"));
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$").matcher(dockerfile);
    if (!entrypoint.find()) {
      throw new IllegalStateException("deploy/container/Dockerfile has no exec-form ENTRYPOINT");
    }
    List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + MEMORY_LIMIT));
    JsonNode words = new ObjectMapper().readTree(entrypoint.group(1));
    for (int i = 1; i < words.size() && !words.get(i).asText().equals("-jar"); i++) {
      options.add(words.get(i).asText());
    }
    return options;
  }

  /** Heap in use after a full collection, from {@code jcmd GC.run} then {@code GC.heap_info}. */
  private static double heapAfterFullGc(long pid) {
    String jcmd = OperatorProcesses.javaTool("jcmd").toString();
    Path here = ProjectFiles.root();
    Commands.succeed(here, List.of(jcmd, String.valueOf(pid), "GC.run"));
    String info = Commands.succeed(here, List.of(jcmd, String.valueOf(pid), "GC.heap_info"));
    Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap use in jcmd GC.heap_info: " + info);
    }
    return Long.parseLong(used.group(1)) / 1024.0;
  }

  /** The process's resident set (VmRSS), as a container's memory limit counts it. */
  private static double residentMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
