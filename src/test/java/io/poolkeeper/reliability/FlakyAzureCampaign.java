package io.poolkeeper.reliability;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Timer;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.FaultRule;
import io.poolkeeper.emulator.ProvisioningFailure;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.operator.FailedProvisioning;
import io.poolkeeper.operator.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Campaign 2, Azure misbehaving: the chain's lifecycle ({@link ChainLifecycle}) with the in-process
 * operator while about a tenth of all ARM calls are throttled (429 with Retry-After), fail (500,
 * 503), are slow or are cut off after Azure carried them out, and the first creation of the image
 * and of the version ends Failed. Everything must converge within the call budget, no reconciler
 * thread may wait on Azure ({@link ReconcilerThreadWatch}), and the failed operations must show in
 * an Event or condition of their object.
 */
final class FlakyAzureCampaign {

  static final int POOLS = 5;

  /**
   * Azure calls per object over a whole lifecycle (create, two resizes with failures, a rollout to
   * a second version, deletes), faults and retries included: the budget the README states. Measured
   * at 179 to 257 per object on the 2-core machine (the in-process operator polls busy objects
   * every 15 simulated seconds, and how much simulated time the waits take varies with the
   * machine); the budget leaves room for that and for unlucky fault sequences, not for a retry
   * loop, which makes thousands.
   */
  static final double CALLS_PER_OBJECT_BUDGET = 400;

  private static final String FAILURE_CODE = "InternalOperationError";
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private final ReliabilityPlan plan;

  FlakyAzureCampaign(KubernetesClient client, Kubectl kubectl, ReliabilityPlan plan) {
    this.client = client;
    this.kubectl = kubectl;
    this.plan = plan;
  }

  CampaignResult run() throws Exception {
    int objects = 0;
    int converged = 0;
    long calls = 0;
    long samples = 0;
    double longestReconcileSeconds = 0;
    Map<String, Long> injected = new TreeMap<>();
    List<String> lost = new ArrayList<>();
    for (int run = 1; run <= plan.flakyRuns(); run++) {
      try (OperatorHarness world = OperatorHarness.start(client, kubectl, "flaky")) {
        EmulatorAdmin admin = world.admin();
        admin.resetRequestCounts();
        misbehave(admin);
        ReconcilerThreadWatch watch = new ReconcilerThreadWatch();
        ChainLifecycle.Outcome outcome;
        try {
          outcome = new ChainLifecycle(world, POOLS, STEP_TIMEOUT).run();
        } finally {
          watch.stop();
        }
        Map<String, Long> injectedThisRun = admin.injectedFaults();
        admin.clearFaults();
        objects += outcome.objects();
        converged += outcome.converged();
        calls += admin.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        injectedThisRun.forEach((kind, count) -> injected.merge(kind, count, Long::sum));
        samples += watch.samples();
        longestReconcileSeconds = Math.max(longestReconcileSeconds, longestReconcile(world));
        List<String> found = new ArrayList<>(outcome.lost());
        found.addAll(watch.waits());
        found.addAll(failuresNotShown(world));
        for (String what : found) {
          lost.add("run " + run + ": " + what);
        }
        System.out.printf(
            "flaky Azure campaign: run %d, %d of %d converged, injected %s, lost %s%n",
            run, outcome.converged(), outcome.objects(), injectedThisRun, found);
      }
    }
    double callsPerObject = (double) calls / objects;
    if (callsPerObject > CALLS_PER_OBJECT_BUDGET) {
      lost.add(
          String.format(
              "%.0f Azure calls per object, over the budget of %.0f",
              callsPerObject, CALLS_PER_OBJECT_BUDGET));
    }
    long faults = injected.values().stream().mapToLong(Long::longValue).sum();
    return new CampaignResult(
        "2. Azure misbehaving (10 % of calls)",
        plan.flakyRuns(),
        (int) faults + 2 * plan.flakyRuns(),
        converged,
        objects,
        lost,
        String.format(
            "injected %s + 2 failed LROs per run; %.0f calls per object (budget %.0f);"
                + " longest reconcile %.1f s; reconciler threads sampled %d times, none waiting"
                + " for an operation or sleeping",
            injected, callsPerObject, CALLS_PER_OBJECT_BUDGET, longestReconcileSeconds, samples));
  }

  /**
   * A tenth of all calls: 2.5 % throttled, 2 % each answered 500 and 503 or cut off after being
   * carried out, 1.5 % slowed by 2 s; the first creation of the image and of the version fails.
   */
  private static void misbehave(EmulatorAdmin admin) {
    admin.addFault(new FaultRule("*", "*", 0.025, 429, null, null, 2, 0, null));
    admin.addFault(FaultRule.error("*", "*", 0.02, 500, "InternalServerError"));
    admin.addFault(FaultRule.error("*", "*", 0.02, 503, "ServiceUnavailable"));
    admin.addFault(FaultRule.cutOff("*", "*", 0.02));
    admin.addFault(FaultRule.slow("*", "*", 0.015, 2000));
    admin.failNextProvisioning(
        new ProvisioningFailure(OperatorHarness.imageId(ChainLifecycle.IMAGE), FAILURE_CODE, null));
    admin.failNextProvisioning(new ProvisioningFailure(versionId("1.0.0"), FAILURE_CODE, null));
  }

  static String versionId(String version) {
    return "/subscriptions/"
        + OperatorHarness.SUBSCRIPTION
        + "/resourceGroups/"
        + OperatorHarness.IMAGES_GROUP
        + "/providers/Microsoft.Compute/galleries/render_gallery/images/render-base/versions/"
        + version;
  }

  /**
   * The failed creations must have told the user: a ProvisioningFailed Warning on the object, with
   * Azure's error when the operator followed the operation (a cut-off answer to the create can
   * leave it only the resource's Failed state, which carries no error).
   */
  private static List<String> failuresNotShown(OperatorHarness world) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of(ChainLifecycle.IMAGE, ChainLifecycle.VERSION)) {
      List<Event> events = world.events(name);
      boolean shown =
          events.stream()
              .anyMatch(
                  event ->
                      "Warning".equals(event.getType())
                          && FailedProvisioning.REASON.equals(event.getReason()));
      if (!shown) {
        missing.add(
            "the failed creation of "
                + name
                + " showed in no Event ("
                + events.stream()
                    .map(event -> event.getReason() + ": " + event.getMessage())
                    .distinct()
                    .toList()
                + ")");
      }
    }
    return missing;
  }

  /** The longest reconcile (or cleanup) the in-process operator timed, in seconds. */
  private static double longestReconcile(OperatorHarness world) {
    return world.metrics.registry().getMeters().stream()
        .filter(meter -> meter instanceof Timer)
        .filter(meter -> meter.getId().getName().startsWith("operator.sdk.controllers.execution"))
        .mapToDouble(meter -> ((Timer) meter).max(TimeUnit.MILLISECONDS) / 1000)
        .max()
        .orElse(0);
  }
}
