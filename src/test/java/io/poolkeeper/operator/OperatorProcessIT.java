package io.poolkeeper.operator;

import static io.poolkeeper.operator.OperatorProcesses.finish;
import static io.poolkeeper.operator.OperatorProcesses.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code java -jar target/poolkeeper.jar operator} as a user runs it: a separate process pointed at
 * the test API server by KUBECONFIG and at the emulator by its endpoint, CA file and a token.
 */
@ExtendWith(RealApiServer.class)
class OperatorProcessIT {

  private final KubernetesClient client;
  private final Kubectl kubectl;

  OperatorProcessIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @Test
  void thePackagedOperatorBringsTheExampleChainToReady() throws Exception {
    try (OperatorHarness world = OperatorHarness.withoutOperator(client, kubectl, "process")) {
      Process operator = start(world.operatorCommand(), kubectl.kubeconfig());
      try {
        world.apply(world.example("render-chain.yaml", "ManagedImage"));
        world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));

        ManagedImage image =
            world.untilCondition(
                ManagedImage.class, "render-base-2026-11", Conditions.READY, "True");
        GalleryImageVersion version =
            world.untilCondition(
                GalleryImageVersion.class, "render-base-1-0-0", Conditions.READY, "True");

        assertThat(image.getStatus().getProvisioningState()).isEqualTo("Succeeded");
        assertThat(version.getStatus().getReplicationState()).isEqualTo("Completed");
        assertThat(operator.isAlive()).isTrue();
      } finally {
        operator.destroy();
        assertThat(operator.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void aBadOptionEndsInOneLineAndANonZeroStatus() throws Exception {
    Process operator = start(List.of("operator", "--time-scale", "0"), kubectl.kubeconfig());

    String output = finish(operator);

    assertThat(operator.exitValue()).isNotZero();
    assertThat(output.strip()).doesNotContain("\n").contains("--time-scale");
  }

  @Test
  void anUnreachableApiServerEndsInOneLineAndANonZeroStatus() throws Exception {
    Path kubeconfig = Files.createTempFile("unreachable", ".kubeconfig");
    try {
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: nowhere
            cluster: {server: "https://127.0.0.1:1"}
          contexts:
          - name: nowhere
            context: {cluster: nowhere, user: nobody}
          current-context: nowhere
          users:
          - name: nobody
            user: {token: none}
          """);
      Process operator =
          start(List.of("operator", "--azure-token", "t", "--subscription", "s"), kubeconfig);

      String output = finish(operator);

      assertThat(operator.exitValue()).isNotZero();
      assertThat(output.strip().lines().filter(line -> !line.isBlank()).toList())
          .last()
          .asString()
          .contains("cannot reach the Kubernetes API server at https://127.0.0.1:1");
      assertThat(output).doesNotContain("\tat ");
    } finally {
      Files.deleteIfExists(kubeconfig);
    }
  }
}
