package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard is valid Grafana JSON that queries only what Poolkeeper exports; LeaderElectionIT
 * checks the same names against a running operator's /metrics.
 */
class GrafanaDashboardTest {

  private final JsonNode dashboard = GrafanaDashboard.read();

  @Test
  void everyPanelHasAUniqueIdAQueryAndThePrometheusDataSource() {
    List<Integer> ids = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      ids.add(panel.path("id").asInt());
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
      assertThat(panel.path("targets")).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("expr").asText()).isNotBlank();
      }
    }
    assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    assertThat(dashboard.path("uid").asText()).isEqualTo("poolkeeper");
  }

  @Test
  void itQueriesThePoolGaugesAzureCallsResizesReplicationAndReconciles() {
    assertThat(GrafanaDashboard.metrics(dashboard))
        .contains(
            "poolkeeper_batchpool_nodes_current",
            "poolkeeper_batchpool_nodes_target",
            "poolkeeper_batchpool_resize_attempts_total",
            "poolkeeper_azure_requests_total",
            "poolkeeper_galleryimageversion_replication_progress",
            "operator_sdk_reconciliations_started_total");
  }

  @Test
  void theMetricNamesAreFoundInQueries() {
    assertThat(
            GrafanaDashboard.exported(
                "# HELP x\npoolkeeper_azure_requests_total{method=\"GET\"} 1.0\nup 1\n"))
        .containsExactly("poolkeeper_azure_requests_total", "up");
  }
}
