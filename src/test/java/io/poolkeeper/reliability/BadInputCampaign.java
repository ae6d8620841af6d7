package io.poolkeeper.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.TestNamespaces;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OperatorProcesses;
import io.poolkeeper.reliability.BadObjects.BadObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Campaign 5 of issue 14, bad input: hundreds of malformed or hostile objects made from the
 * examples ({@link BadObjects}) are applied while the packaged operator runs and the valid example
 * chain converges next to them. Each bad object must be refused by the API server with a message
 * naming what is wrong, or be admitted and end Stalled with a message (of two pools on one pool id,
 * one Ready and the other Stalled); the operator must stay up, reconcile and write status a bounded
 * number of times over the window, and bring the chain to Ready meanwhile.
 */
final class BadInputCampaign {

  /**
   * The operator's time scale here. The harness's 500 makes a Stalled object's 30-minute retry 3.6
   * s of real time, so a ten-minute window would hold 166 retries per object and any bound would be
   * loose; at 10 the retry is 3 minutes, an idle poll 30 s and a busy poll 1.5 s, while the chain
   * still converges in seconds.
   */
  static final double TIME_SCALE = 10;

  /** Busy, idle and Stalled recheck intervals of OperatorSettings, at {@link #TIME_SCALE}. */
  static final Duration BUSY_POLL = scaled(Duration.ofSeconds(15));

  static final Duration IDLE_POLL = scaled(Duration.ofMinutes(5));
  static final Duration STALLED_RETRY = scaled(Duration.ofMinutes(30));

  /**
   * Reconciles an object may take before it settles, beyond its periodic rechecks: its creation,
   * the finalizer being added, wake-ups by changes of the objects it names or that name it, and the
   * busy polls while Azure works on what it asked for before refusing or finishing it (a resize
   * that ends in a quota error, a pool id found taken). So over a run of T, an object that ends
   * Stalled reconciles at most SETTLING + T / STALLED_RETRY times, the winner of a contested pool
   * id (idle once Ready) SETTLING + T / IDLE_POLL, and each object of the valid chain, busy until
   * Ready, SETTLING + T / BUSY_POLL. The bound is their sum; an object in a hot loop alone would
   * pass it within a minute.
   */
  static final int SETTLING_RECONCILES = 20;

  /**
   * Status and metadata writes (resourceVersion changes) an object may see before it settles: the
   * finalizer, Reconciling, then its verdict, and the changes of its progress while Azure works (a
   * resize's node counts before the quota error). A Stalled object rewrites nothing on its retries
   * while its verdict stays the same; the chain's objects may write once per busy poll.
   */
  static final int SETTLING_WRITES = 12;

  /** The emulator's clock moves this much every {@link #TICK_EVERY}: Azure at 100 times speed. */
  private static final Duration TICK = Duration.ofSeconds(10);

  private static final Duration TICK_EVERY = Duration.ofMillis(100);

  /** Bad objects are applied this many at a time, as a burst from a pipeline would. */
  private static final int APPLIERS = 4;

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private final ReliabilityPlan plan;

  BadInputCampaign(KubernetesClient client, Kubectl kubectl, ReliabilityPlan plan) {
    this.client = client;
    this.kubectl = kubectl;
    this.plan = plan;
  }

  CampaignResult run() throws Exception {
    List<BadObject> bad = BadObjects.take(plan.badObjects());
    List<String> lost = new ArrayList<>();
    try (OperatorHarness world = OperatorHarness.withoutOperator(client, kubectl, "badinput")) {
      seedTheWorld(world);
      int port = OperatorProcesses.freePort();
      Process operator =
          OperatorProcesses.start(operatorCommand(world, port, TIME_SCALE), kubectl.kubeconfig());
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      clock.scheduleAtFixedRate(
          () -> world.admin().advanceClock(TICK), 0, TICK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      Instant started = Instant.now();
      try (WriteCounter writes = new WriteCounter(client, world.namespace)) {
        applyChain(world);
        Map<BadObject, String> refusals = new ConcurrentHashMap<>();
        Map<Integer, Integer> refusalCodes = new ConcurrentSkipListMap<>();
        List<BadObject> admitted = new CopyOnWriteArrayList<>();
        ExecutorService appliers = Executors.newFixedThreadPool(APPLIERS);
        try (KubernetesClient once = withoutRetries(client)) {
          List<Future<?>> applies = new ArrayList<>();
          for (BadObject object : bad) {
            applies.add(
                appliers.submit(
                    () -> {
                      try {
                        TestNamespaces.apply(once, world.namespace, object.object());
                        admitted.add(object);
                      } catch (KubernetesClientException refused) {
                        refusals.put(object, refusalMessage(refusals.size(), refused));
                        refusalCodes.merge(refused.getCode(), 1, Integer::sum);
                      }
                    }));
          }
          for (Future<?> apply : applies) {
            apply.get();
          }
        } finally {
          appliers.shutdownNow();
        }
        Duration applying = Duration.between(started, Instant.now());
        Instant windowEnd = Instant.now().plus(plan.badInputWindow());
        boolean crashed = false;
        while (Instant.now().isBefore(windowEnd)) {
          if (!operator.isAlive()) {
            crashed = true;
            break;
          }
          Thread.sleep(1000);
        }
        Duration ran = Duration.between(started, Instant.now());
        if (crashed) {
          lost.add(
              "the operator exited with status "
                  + operator.exitValue()
                  + " after "
                  + ran.toSeconds()
                  + " s: "
                  + tail(OperatorProcesses.output(operator)));
        }
        double reconciles =
            crashed
                ? 0
                : metric(
                    OperatorProcesses.get(port, "/metrics").body(),
                    "operator_sdk_reconciliations_started_total");

        int refusedWell = 0;
        for (Map.Entry<BadObject, String> refusal : refusals.entrySet()) {
          BadObject object = refusal.getKey();
          String message = refusal.getValue();
          if (object.mentions() != null && !message.contains(object.mentions())) {
            lost.add(
                "refused without naming "
                    + object.mentions()
                    + ": "
                    + object.description()
                    + ": "
                    + message);
          } else {
            refusedWell++;
          }
        }

        Map<String, CustomResource<?, ? extends ObservedStatus>> state = state(world);
        int stalled = 0;
        int winners = 0;
        Map<String, Integer> stallReasons = new TreeMap<>();
        Map<String, List<BadObject>> groups = new LinkedHashMap<>();
        for (BadObject object : admitted) {
          if (object.group() != null) {
            groups.computeIfAbsent(object.group(), g -> new ArrayList<>()).add(object);
            continue;
          }
          Condition verdict = stalledCondition(state.get(key(object)));
          if (verdict != null) {
            stalled++;
            stallReasons.merge(verdict.getReason(), 1, Integer::sum);
          } else {
            lost.add(
                "admitted and not Stalled with a message: "
                    + describe(object)
                    + " ("
                    + conditionsOf(state.get(key(object)))
                    + ")");
          }
        }
        for (Map.Entry<String, List<BadObject>> group : groups.entrySet()) {
          int ready = 0;
          int groupStalled = 0;
          for (BadObject object : group.getValue()) {
            CustomResource<?, ? extends ObservedStatus> found = state.get(key(object));
            if (found != null
                && "True".equals(OperatorHarness.conditionStatus(found, Conditions.READY))) {
              ready++;
            } else if (stalledCondition(found) != null) {
              groupStalled++;
              stallReasons.merge(stalledCondition(found).getReason(), 1, Integer::sum);
            }
          }
          if (ready == 1 && ready + groupStalled == group.getValue().size()) {
            winners++;
            stalled += groupStalled;
          } else {
            lost.add(
                "pool id "
                    + group.getKey()
                    + ": "
                    + ready
                    + " Ready and "
                    + groupStalled
                    + " Stalled of "
                    + group.getValue().size()
                    + " ("
                    + group.getValue().stream()
                        .map(o -> o.name() + ": " + conditionsOf(state.get(key(o))))
                        .toList()
                    + ")");
          }
        }

        int chainReady = 0;
        for (String chainKey :
            List.of(
                "ManagedImage/" + BadObjects.CHAIN_IMAGE,
                "GalleryImageVersion/" + BadObjects.CHAIN_VERSION,
                "BatchPool/" + BadObjects.CHAIN_POOL)) {
          CustomResource<?, ? extends ObservedStatus> found = state.get(chainKey);
          if (found != null
              && "True".equals(OperatorHarness.conditionStatus(found, Conditions.READY))) {
            chainReady++;
          } else {
            lost.add(
                "the valid "
                    + chainKey
                    + " did not become Ready among the bad objects ("
                    + conditionsOf(found)
                    + ")");
          }
        }

        int stalledObjects = admitted.size() - winners;
        long bound =
            stalledObjects * (SETTLING_RECONCILES + periods(ran, STALLED_RETRY))
                + winners * (SETTLING_RECONCILES + periods(ran, IDLE_POLL))
                + 3 * (SETTLING_RECONCILES + periods(ran, BUSY_POLL));
        if (!crashed && reconciles > bound) {
          lost.add(
              String.format(
                  "%.0f reconciles in %d s, over the bound of %d",
                  reconciles, ran.toSeconds(), bound));
        }
        long badWriteBound = SETTLING_WRITES + periods(ran, STALLED_RETRY);
        long chainWriteBound = SETTLING_WRITES + periods(ran, BUSY_POLL);
        Map<String, Integer> counted = writes.counts();
        writes.interrupted.forEach(
            watch -> lost.add("the count of status writes missed events: " + watch));
        int maxBadWrites = 0;
        String busiest = "none";
        for (BadObject object : admitted) {
          int count = counted.getOrDefault(key(object), 0);
          if (count > maxBadWrites) {
            maxBadWrites = count;
            busiest = key(object);
          }
          if (count > badWriteBound) {
            lost.add(
                count + " writes of " + describe(object) + ", over the bound of " + badWriteBound);
          }
        }
        int maxChainWrites = 0;
        for (String chainKey :
            List.of(
                "ManagedImage/" + BadObjects.CHAIN_IMAGE,
                "GalleryImageVersion/" + BadObjects.CHAIN_VERSION,
                "BatchPool/" + BadObjects.CHAIN_POOL)) {
          int count = counted.getOrDefault(chainKey, 0);
          maxChainWrites = Math.max(maxChainWrites, count);
          if (count > chainWriteBound) {
            lost.add(count + " writes of " + chainKey + ", over the bound of " + chainWriteBound);
          }
        }

        String figures =
            String.format(
                "%d applied in %d s: %d refused by the API server %s, %d admitted: %d Stalled %s, %d of %d contested pool"
                    + " ids with one Ready pool; operator %s; %.0f reconciles in %.1f min"
                    + " (bound %d, time scale %.0f); status writes per bad object at most %d"
                    + " (%s; bound %d), per chain object at most %d (bound %d); chain %d of 3"
                    + " Ready",
                bad.size(),
                applying.toSeconds(),
                refusals.size(),
                refusalCodes,
                admitted.size(),
                stalled,
                stallReasons,
                winners,
                groups.size(),
                crashed ? "CRASHED" : "alive",
                reconciles,
                ran.toMillis() / 60_000.0,
                bound,
                TIME_SCALE,
                maxBadWrites,
                busiest,
                badWriteBound,
                maxChainWrites,
                chainWriteBound,
                chainReady);
        return new CampaignResult(
            "5. Bad input",
            1,
            bad.size(),
            refusedWell + stalled + winners + chainReady,
            bad.size() + 3,
            lost,
            figures);
      } finally {
        clock.shutdownNow();
        operator.destroy();
        if (!operator.waitFor(30, TimeUnit.SECONDS)) {
          operator.destroyForcibly();
        }
      }
    }
  }

  /**
   * The emulator as the examples expect it, plus a Batch account with a small core quota, and an
   * image and a version of the example's names in another namespace, which the operator does not
   * serve and no reference may reach.
   */
  private void seedTheWorld(OperatorHarness world) {
    world
        .admin()
        .addBatchAccount(
            new BatchAccountSeed(
                new BatchAccountRef(
                        OperatorHarness.SUBSCRIPTION,
                        OperatorHarness.BATCH_GROUP,
                        BadObjects.SMALL_QUOTA_ACCOUNT)
                    .resourceId(),
                OperatorHarness.LOCATION,
                BadObjects.SMALL_QUOTA_CORES,
                0,
                List.of(),
                false));
    String foreign = TestNamespaces.create(client, "badinput-foreign");
    ObjectNode image = world.example("render-chain.yaml", "ManagedImage");
    ((ObjectNode) image.path("metadata")).put("name", BadObjects.FOREIGN_IMAGE);
    TestNamespaces.apply(client, foreign, image);
    ObjectNode version = world.example("render-chain.yaml", "GalleryImageVersion");
    ((ObjectNode) version.path("metadata")).put("name", BadObjects.FOREIGN_VERSION);
    TestNamespaces.apply(client, foreign, version);
  }

  /** The valid example chain, its pool at two nodes. */
  private static void applyChain(OperatorHarness world) {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", 2);
    world.apply(pool);
  }

  /**
   * The harness's operator command at another time scale. Picocli refuses a repeated single-value
   * option, so the harness's value is replaced rather than overridden by a second --time-scale.
   */
  static List<String> operatorCommand(OperatorHarness world, int port, double timeScale) {
    List<String> command =
        new ArrayList<>(world.operatorCommand("--http-port", String.valueOf(port)));
    command.set(command.indexOf("--time-scale") + 1, String.valueOf(timeScale));
    return command;
  }

  /**
   * A client on the same API server that does not retry: kubectl apply shows a refusal at once,
   * while the tests' client retries a 500 (the API server's answer to a value of the wrong type in
   * a server-side apply) for 20 s.
   */
  private static KubernetesClient withoutRetries(KubernetesClient client) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build())
        .build();
  }

  /** Every object of the three kinds in the namespace, by kind/name. */
  private Map<String, CustomResource<?, ? extends ObservedStatus>> state(OperatorHarness world) {
    Map<String, CustomResource<?, ? extends ObservedStatus>> state = new LinkedHashMap<>();
    client
        .resources(ManagedImage.class)
        .inNamespace(world.namespace)
        .list()
        .getItems()
        .forEach(o -> state.put("ManagedImage/" + o.getMetadata().getName(), o));
    client
        .resources(GalleryImageVersion.class)
        .inNamespace(world.namespace)
        .list()
        .getItems()
        .forEach(o -> state.put("GalleryImageVersion/" + o.getMetadata().getName(), o));
    client
        .resources(BatchPool.class)
        .inNamespace(world.namespace)
        .list()
        .getItems()
        .forEach(o -> state.put("BatchPool/" + o.getMetadata().getName(), o));
    return state;
  }

  /** The Stalled=True condition with a message fit for a person, or {@code null}. */
  private static Condition stalledCondition(CustomResource<?, ? extends ObservedStatus> object) {
    if (object == null) {
      return null;
    }
    Condition stalled = OperatorHarness.condition(object, Conditions.STALLED);
    if (stalled == null
        || !"True".equals(stalled.getStatus())
        || stalled.getMessage() == null
        || stalled.getMessage().isBlank()
        || stalled.getMessage().contains("Exception")
        || stalled.getMessage().contains("\tat ")) {
      return null;
    }
    return stalled;
  }

  private static String conditionsOf(CustomResource<?, ? extends ObservedStatus> object) {
    if (object == null) {
      return "not found";
    }
    if (object.getStatus() == null || object.getStatus().getConditions() == null) {
      return "no status";
    }
    return object.getStatus().getConditions().stream()
        .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
        .toList()
        .toString();
  }

  /** The refusal's message; the first few are printed, so the log shows what users see. */
  private static String refusalMessage(int index, KubernetesClientException refused) {
    String message = String.valueOf(refused.getMessage());
    if (index < 5) {
      System.out.println("bad input refused: " + abbreviated(message));
    }
    return message;
  }

  private static String describe(BadObject object) {
    return object.kind()
        + " "
        + object.name()
        + " ("
        + object.category()
        + ": "
        + object.description()
        + ")";
  }

  private static String key(BadObject object) {
    return object.kind() + "/" + object.name();
  }

  static Duration scaled(Duration simulated) {
    return Duration.ofNanos((long) (simulated.toNanos() / TIME_SCALE));
  }

  /** Whole periods in a run, plus the one under way. */
  private static long periods(Duration run, Duration period) {
    return run.toMillis() / period.toMillis() + 1;
  }

  /** The sum of a metric's samples in a Prometheus exposition. */
  static double metric(String exposition, String name) {
    return exposition
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String tail(String output) {
    return output.length() > 2000 ? output.substring(output.length() - 2000) : output;
  }

  private static String abbreviated(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  /** Counts the writes (resourceVersion changes) of every object of the three kinds. */
  private static final class WriteCounter implements AutoCloseable {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Watch> watches = new ArrayList<>();

    /** Watches that ended before the campaign did: their counts would be too low. */
    final List<String> interrupted = new java.util.concurrent.CopyOnWriteArrayList<>();

    WriteCounter(KubernetesClient client, String namespace) {
      watches.add(watch(client, namespace, ManagedImage.class));
      watches.add(watch(client, namespace, GalleryImageVersion.class));
      watches.add(watch(client, namespace, BatchPool.class));
    }

    private <T extends CustomResource<?, ?>> Watch watch(
        KubernetesClient client, String namespace, Class<T> kind) {
      return client
          .resources(kind)
          .inNamespace(namespace)
          .watch(
              new Watcher<T>() {
                @Override
                public void eventReceived(Action action, T object) {
                  if (action == Action.MODIFIED) {
                    counts
                        .computeIfAbsent(
                            kind.getSimpleName() + "/" + object.getMetadata().getName(),
                            k -> new AtomicInteger())
                        .incrementAndGet();
                  }
                }

                @Override
                public void onClose(WatcherException cause) {
                  interrupted.add(kind.getSimpleName() + ": " + cause.getMessage());
                }
              });
    }

    Map<String, Integer> counts() {
      Map<String, Integer> copy = new TreeMap<>();
      counts.forEach((key, count) -> copy.put(key, count.get()));
      return copy;
    }

    @Override
    public void close() {
      watches.forEach(Watch::close);
    }
  }
}
