package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.poolkeeper.UserError;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperatorHttpServerTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean ready = new AtomicBoolean();

  @Test
  void probesFollowTheirChecksAndMetricsAreInPrometheusFormat() throws Exception {
    BatchPool pool = new BatchPool();
    pool.getMetadata().setNamespace("render");
    pool.getMetadata().setName("render-pool");
    BatchPoolStatus status = new BatchPoolStatus();
    status.setCurrentDedicatedNodes(3);
    status.setTargetDedicatedNodes(5);
    status.setTargetLowPriorityNodes(2);
    new OperatorMetrics(registry).observePool(pool, status);

    try (OperatorHttpServer server =
        OperatorHttpServer.start(0, registry, () -> true, ready::get)) {
      assertThat(OperatorProcesses.get(server.port(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(OperatorProcesses.get(server.port(), "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(OperatorProcesses.get(server.port(), "/readyz").statusCode()).isEqualTo(200);
      assertThat(OperatorProcesses.get(server.port(), "/nothing").statusCode()).isEqualTo(404);
      String metrics = OperatorProcesses.get(server.port(), "/metrics").body();
      assertThat(metrics)
          .contains(
              "poolkeeper_batchpool_nodes_current{name=\"render-pool\",namespace=\"render\"} 3.0")
          .contains(
              "poolkeeper_batchpool_nodes_target{name=\"render-pool\",namespace=\"render\"} 7.0");
    }
  }

  @Test
  void aPortInUseIsAUserError() {
    try (OperatorHttpServer taken = OperatorHttpServer.start(0, registry, () -> true, () -> true)) {
      assertThatThrownBy(
              () -> OperatorHttpServer.start(taken.port(), registry, () -> true, () -> true))
          .isInstanceOf(UserError.class)
          .hasMessageStartingWith("--http-port " + taken.port() + " cannot be used")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void aDeletedObjectLeavesNoGauges() {
    BatchPool pool = new BatchPool();
    pool.getMetadata().setNamespace("render");
    pool.getMetadata().setName("gone");
    OperatorMetrics metrics = new OperatorMetrics(registry);
    metrics.observePool(pool, new BatchPoolStatus());

    metrics.forget(pool);

    assertThat(registry.scrape()).doesNotContain("name=\"gone\"");
  }
}
