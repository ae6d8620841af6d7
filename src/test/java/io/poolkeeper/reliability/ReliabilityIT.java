package io.poolkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.bench.BenchReport;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reliability campaigns of issue 14 on the real API server and the emulator, one test each:
 * every campaign adds its row to the table printed (and written to {@code target/reliability/})
 * when all have run, and fails when it lost anything or something did not converge. The {@code ci}
 * plan runs with every {@code ./mvnw verify}; {@code ./mvnw -Preliability verify} runs the {@code
 * full} plan alone.
 */
@ExtendWith(RealApiServer.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ReliabilityIT {

  static final ReliabilityPlan PLAN = ReliabilityPlan.fromSystemProperties();
  static final ReliabilityReport REPORT = new ReliabilityReport(PLAN);

  private final KubernetesClient client;
  private final Kubectl kubectl;

  ReliabilityIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  /** Adds the row, then fails if the campaign lost anything or left something unconverged. */
  static void report(CampaignResult result) {
    REPORT.add(result);
    assertThat(result.lost()).as("lost in %s", result.campaign()).isEmpty();
    assertThat(result.converged())
        .as("converged in %s", result.campaign())
        .isEqualTo(result.objects());
  }

  @Test
  void campaign1CrashAtAnyPoint() throws Exception {
    report(new CrashCampaign(client, kubectl, PLAN).run());
  }

  @Test
  void campaign2AzureMisbehaving() throws Exception {
    report(new FlakyAzureCampaign(client, kubectl, PLAN).run());
  }

  @Test
  void campaign3ApiServerGoingAway() throws Exception {
    report(new ApiServerOutageCampaign(PLAN).run());
  }

  @Test
  void campaign4OutOfBandChanges() throws Exception {
    report(new OutOfBandCampaign(client, kubectl).run());
  }

  @Test
  void campaign5BadInput() throws Exception {
    report(new BadInputCampaign(client, kubectl, PLAN).run());
  }

  @Test
  void campaign6Security() throws Exception {
    report(new SecurityCampaign(client, kubectl, PLAN).run());
  }

  @AfterAll
  static void printAndWriteTheTable() {
    System.out.println(
        "\nPoolkeeper reliability (" + PLAN.name() + " plan) on " + BenchReport.machine());
    System.out.println(REPORT.table());
    REPORT.write();
  }
}
