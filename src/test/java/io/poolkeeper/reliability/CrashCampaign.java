package io.poolkeeper.reliability;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OperatorProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Campaign 1, crash at any point: the chain's whole lifecycle ({@link ChainLifecycle}, five pools)
 * while the packaged operator is killed with SIGKILL at random moments and started again at once,
 * as a Deployment's pod would be. Every object must converge after each step, and Azure must hold
 * no orphan, duplicate or stray lock, with no pool deleted or shrunk unasked.
 */
final class CrashCampaign {

  static final int POOLS = 5;

  /** The longest wait between two kills (real time): kills land anywhere in a step. */
  private static final Duration MAX_LIFE = Duration.ofSeconds(8);

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private final ReliabilityPlan plan;
  // Seeded, so a failing run can be repeated with the same kill moments.
  private final Random random = new Random(14);

  CrashCampaign(KubernetesClient client, Kubectl kubectl, ReliabilityPlan plan) {
    this.client = client;
    this.kubectl = kubectl;
    this.plan = plan;
  }

  CampaignResult run() throws Exception {
    int runs = 0;
    int kills = 0;
    int objects = 0;
    int converged = 0;
    List<String> lost = new ArrayList<>();
    while (runs < plan.crashRuns() || kills < plan.kills()) {
      runs++;
      try (OperatorHarness world = OperatorHarness.withoutOperator(client, kubectl, "crash")) {
        Killer killer = new Killer(world, plan.killsPerRun());
        killer.start();
        ChainLifecycle.Outcome outcome;
        try {
          outcome = new ChainLifecycle(world, POOLS, STEP_TIMEOUT).run();
        } finally {
          killer.stop();
        }
        kills += killer.kills.get();
        objects += outcome.objects();
        converged += outcome.converged();
        for (String what : outcome.lost()) {
          lost.add("run " + runs + ": " + what);
        }
        System.out.printf(
            "crash campaign: run %d, %d kills, %d of %d converged, lost %s%n",
            runs, killer.kills.get(), outcome.converged(), outcome.objects(), outcome.lost());
      }
      if (runs >= plan.crashRuns() * 3) {
        break;
      }
    }
    return new CampaignResult(
        "1. Crash at any point (SIGKILL)",
        runs,
        kills,
        converged,
        objects,
        lost,
        String.format(
            "%d kills over %d lifecycles of 1 image, 2 versions, %d pools; restart at once",
            kills, runs, POOLS));
  }

  /**
   * The operator process, killed with SIGKILL after a random life and started again at once, up to
   * a number of kills; then left running until the lifecycle ends.
   */
  private final class Killer {
    private final OperatorHarness world;
    private final int maxKills;
    private final AtomicInteger kills = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Process operator;

    Killer(OperatorHarness world, int maxKills) {
      this.world = world;
      this.maxKills = maxKills;
      this.thread = new Thread(this::killNowAndThen, "crash-campaign-killer");
    }

    void start() throws IOException {
      operator = OperatorProcesses.start(world.operatorCommand(), kubectl.kubeconfig());
      thread.start();
    }

    private void killNowAndThen() {
      try {
        while (!stopping && kills.get() < maxKills) {
          Thread.sleep((long) (random.nextDouble() * MAX_LIFE.toMillis()));
          if (stopping) {
            return;
          }
          operator.destroyForcibly();
          operator.waitFor(30, TimeUnit.SECONDS);
          kills.incrementAndGet();
          operator = OperatorProcesses.start(world.operatorCommand(), kubectl.kubeconfig());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void stop() throws InterruptedException {
      stopping = true;
      thread.interrupt();
      thread.join();
      operator.destroy();
      if (!operator.waitFor(30, TimeUnit.SECONDS)) {
        operator.destroyForcibly();
      }
    }
  }
}
