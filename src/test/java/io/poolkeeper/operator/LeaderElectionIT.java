package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two packaged operators elect a leader on a Lease: only the leader reconciles and writes to Azure;
 * when it is killed (SIGKILL, so it cannot release anything) the standby takes the Lease once it
 * expires and finishes the example chain. Each process's own /metrics tells what it did.
 */
@ExtendWith(RealApiServer.class)
class LeaderElectionIT {

  private static final String LEASE = "poolkeeper-operator";

  /** JOSDK's lease duration and retry period (LeaderElectionConfiguration defaults), and slack. */
  private static final Duration TAKEOVER = Duration.ofSeconds(15 + 2 + 8);

  private final KubernetesClient client;
  private final Kubectl kubectl;

  LeaderElectionIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @Test
  void onlyTheLeaderWritesAndTheStandbyTakesOverWhenItIsKilled() throws Exception {
    try (OperatorHarness world = OperatorHarness.withoutOperator(client, kubectl, "election")) {
      int firstPort = OperatorProcesses.freePort();
      Process first = start(world, "first", firstPort, List.of());
      Process second = null;
      try {
        awaitHolder(world, "first", Duration.ofSeconds(60));
        int secondPort = OperatorProcesses.freePort();
        // The standby logs JSON, as a log collector wants it.
        second = start(world, "second", secondPort, List.of("--log-format", "json"));
        // The standby is ready (readiness: started, informers in sync) while it does not lead.
        awaitStatus(secondPort, "/readyz", 200);
        assertThat(OperatorProcesses.get(firstPort, "/readyz").statusCode()).isEqualTo(200);
        assertThat(OperatorProcesses.get(secondPort, "/healthz").statusCode()).isEqualTo(200);

        world.apply(world.example("render-chain.yaml", "ManagedImage"));
        world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
        world.untilCondition(ManagedImage.class, "render-base-2026-11", Conditions.READY, "True");
        world.untilCondition(
            GalleryImageVersion.class, "render-base-1-0-0", Conditions.READY, "True");

        String leader = OperatorProcesses.get(firstPort, "/metrics").body();
        assertThat(sum(leader, "operator_sdk_reconciliations_started_total", Map.of()))
            .isPositive();
        assertThat(
                sum(
                    leader,
                    "poolkeeper_azure_requests_total",
                    Map.of("method", "PUT", "resource_type", "Microsoft.Compute/images")))
            .isPositive();
        assertThat(
                sum(
                    leader,
                    "poolkeeper_galleryimageversion_replication_progress",
                    Map.of("name", "render-base-1-0-0")))
            .isPositive();
        String standby = OperatorProcesses.get(secondPort, "/metrics").body();
        assertThat(sum(standby, "operator_sdk_reconciliations_started_total", Map.of()))
            .as("reconciles by the standby")
            .isZero();
        assertThat(writes(standby)).as("Azure writes by the standby").isEmpty();
        assertThat(holder(world)).isEqualTo("first");

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();
        awaitHolder(world, "second", TAKEOVER);
        assertThat(Duration.between(killed, Instant.now())).isLessThan(TAKEOVER);

        world.apply(world.example("render-chain.yaml", "BatchPool"));
        BatchPool pool =
            world.untilCondition(BatchPool.class, "render-pool", Conditions.READY, "True");

        String newLeader = OperatorProcesses.get(secondPort, "/metrics").body();
        Map<String, String> poolLabels =
            Map.of("namespace", world.namespace, "name", "render-pool");
        assertThat(sum(newLeader, "poolkeeper_batchpool_nodes_target", poolLabels))
            .isEqualTo(
                nodes(
                    pool.getStatus().getTargetDedicatedNodes(),
                    pool.getStatus().getTargetLowPriorityNodes()))
            .isPositive();
        assertThat(sum(newLeader, "poolkeeper_batchpool_nodes_current", poolLabels))
            .isEqualTo(
                nodes(
                    pool.getStatus().getCurrentDedicatedNodes(),
                    pool.getStatus().getCurrentLowPriorityNodes()));
        assertThat(
                sum(
                    newLeader,
                    "poolkeeper_azure_requests_total",
                    Map.of(
                        "method", "PUT", "resource_type", "Microsoft.Batch/batchAccounts/pools")))
            .isPositive();
        assertThat(sum(newLeader, "poolkeeper_batchpool_resize_attempts_total", Map.of()))
            .isPositive();
        Set<String> exported = GrafanaDashboard.exported(leader + newLeader);
        assertThat(exported)
            .as("metrics the Grafana dashboard queries")
            .containsAll(GrafanaDashboard.metrics(GrafanaDashboard.read()));
        List<String> standbyLog =
            OperatorProcesses.output(second).lines().filter(line -> !line.isBlank()).toList();
        assertThat(standbyLog).isNotEmpty().allMatch(line -> line.startsWith("{\"timestamp\""));
        assertThat(standbyLog)
            .anyMatch(line -> line.contains("\"formattedMessage\":\"Standing by: first leads\""))
            .anyMatch(
                line -> line.contains("\"formattedMessage\":\"Leading as second: reconciling\""));
      } finally {
        first.destroyForcibly();
        if (second != null) {
          second.destroy();
          Process stopped = second;
          assertThat(second.waitFor(30, TimeUnit.SECONDS))
              .as(
                  () ->
                      "the new leader stops on SIGTERM; it printed:\n"
                          + OperatorProcesses.output(stopped))
              .isTrue();
        }
      }
    }
  }

  private Process start(OperatorHarness world, String identity, int port, List<String> extra)
      throws Exception {
    List<String> args =
        world.operatorCommand(
            "--leader-election",
            "true",
            "--lease-namespace",
            world.namespace,
            "--leader-identity",
            identity,
            "--http-port",
            String.valueOf(port));
    args.addAll(extra);
    return OperatorProcesses.start(args, kubectl.kubeconfig());
  }

  private String holder(OperatorHarness world) {
    Lease lease = client.leases().inNamespace(world.namespace).withName(LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private void awaitHolder(OperatorHarness world, String identity, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> identity.equals(holder(world)));
  }

  private static void awaitStatus(int port, String path, int status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> OperatorProcesses.get(port, path).statusCode() == status);
  }

  /** The sum of a metric's samples whose labels include {@code labels}. */
  static double sum(String exposition, String metric, Map<String, String> labels) {
    double total = 0;
    for (String line : exposition.lines().toList()) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        boolean matches =
            labels.entrySet().stream()
                .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""));
        if (matches) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return total;
  }

  private static double nodes(Integer dedicated, Integer lowPriority) {
    return (dedicated == null ? 0 : dedicated) + (lowPriority == null ? 0 : lowPriority);
  }

  /** The Azure request samples of a method other than GET. */
  private static List<String> writes(String exposition) {
    List<String> writes = new ArrayList<>();
    for (String line : exposition.lines().toList()) {
      if (line.startsWith("poolkeeper_azure_requests_total{") && !line.contains("method=\"GET\"")) {
        writes.add(line);
      }
    }
    return writes;
  }
}
