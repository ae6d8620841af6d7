package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.kubetest.TestNamespaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CRDs of crds/ on a real API server, seen through kubectl as a user sees them. */
@ExtendWith(RealApiServer.class)
class CrdsOnApiServerIT {

  private final KubernetesClient client;
  private final Kubectl kubectl;

  CrdsOnApiServerIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @Test
  void everyCrdIsAcceptedEstablishedAndItsNamesAccepted() {
    List<CustomResourceDefinition> crds =
        client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .filter(crd -> ApiGroup.NAME.equals(crd.getSpec().getGroup()))
            .toList();

    assertThat(crds)
        .extracting(crd -> crd.getSpec().getNames().getKind())
        .containsExactlyInAnyOrder("BatchPool", "GalleryImageVersion", "ManagedImage");
    for (CustomResourceDefinition crd : crds) {
      assertThat(crd.getStatus().getConditions())
          .filteredOn(c -> "True".equals(c.getStatus()))
          .extracting(c -> c.getType())
          .contains("Established", "NamesAccepted");
      assertThat(crd.getStatus().getConditions())
          .filteredOn(c -> "NonStructuralSchema".equals(c.getType()))
          .isEmpty();
    }
  }

  @Test
  void kubectlGetShowsThePrinterColumnsWithStatusValues() {
    String namespace = TestNamespaces.create(client, "columns");
    ProjectFiles.documents(ProjectFiles.examples().resolve("render-chain.yaml"))
        .forEach(object -> TestNamespaces.apply(client, namespace, object));
    kubectl.succeed(
        "patch",
        "bp/render-pool",
        "-n",
        namespace,
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"allocationState\":\"Resizing\",\"currentDedicatedNodes\":32,"
            + "\"targetDedicatedNodes\":50,\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\","
            + "\"reason\":\"Resizing\",\"message\":\"32 of 50 dedicated nodes allocated\"}]}}");

    kubectl.succeed(
        "patch",
        "giv/render-base-1-0-0",
        "-n",
        namespace,
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"provisioningState\":\"Succeeded\",\"replicationState\":\"InProgress\","
            + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"Replicating\"}]}}");
    kubectl.succeed(
        "patch",
        "mi/render-base-2026-11",
        "-n",
        namespace,
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"provisioningState\":\"Succeeded\","
            + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Ready\"}]}}");

    String output = kubectl.succeed("get", "bp,giv,mi", "-n", namespace);

    // Header lines in full: NAME, then READY, the kind's own columns, and AGE last.
    assertThat(output)
        .containsPattern("(?m)^NAME\\s+READY\\s+ALLOCATION\\s+CURRENT\\s+TARGET\\s+AGE$")
        .containsPattern("(?m)^\\S*render-pool\\s+False\\s+Resizing\\s+32\\s+50\\s+\\S+$")
        .containsPattern("(?m)^NAME\\s+READY\\s+STATE\\s+REPLICATION\\s+VERSION\\s+AGE$")
        .containsPattern(
            "(?m)^\\S*render-base-1-0-0\\s+False\\s+Succeeded\\s+InProgress\\s+1\\.0\\.0\\s+\\S+$")
        .containsPattern("(?m)^NAME\\s+READY\\s+STATE\\s+AGE$")
        .containsPattern("(?m)^\\S*render-base-2026-11\\s+True\\s+Succeeded\\s+\\S+$");
  }

  /** What a HorizontalPodAutoscaler or KEDA reads: the scale subresource with the selector. */
  @Test
  void theScaleSubresourceCarriesThePoolsSelector() {
    String namespace = TestNamespaces.create(client, "selector");
    TestNamespaces.apply(client, namespace, ProjectFiles.example("render-chain.yaml", "BatchPool"));
    kubectl.succeed(
        "patch",
        "bp/render-pool",
        "-n",
        namespace,
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"currentDedicatedNodes\":32,"
            + "\"selector\":\"poolkeeper.io/batchpool=render-pool\"}}");

    String scale =
        kubectl.succeed(
            "get",
            "bp/render-pool",
            "-n",
            namespace,
            "--subresource=scale",
            "-o",
            "jsonpath={.spec.replicas} {.status.replicas} {.status.selector}");

    assertThat(scale).isEqualTo("50 32 poolkeeper.io/batchpool=render-pool");
  }

  @Test
  void kubectlGetPoolkeeperListsEveryKind() {
    String namespace = TestNamespaces.create(client, "category");
    ProjectFiles.documents(ProjectFiles.examples().resolve("render-chain.yaml"))
        .forEach(object -> TestNamespaces.apply(client, namespace, object));

    assertThat(kubectl.succeed("get", "poolkeeper", "-n", namespace, "-o", "name"))
        .contains(
            "batchpool.poolkeeper.io/render-pool",
            "galleryimageversion.poolkeeper.io/render-base-1-0-0",
            "managedimage.poolkeeper.io/render-base-2026-11");
  }

  @Test
  void kubectlExplainShowsFieldDescriptions() {
    // The API server publishes a new CRD's OpenAPI a moment after it is established.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl
                            .run("explain", "batchpool.spec.scale.fixed.targetDedicatedNodes")
                            .output())
                    .contains("Dedicated nodes wanted"));
    assertThat(explain("managedimage.spec.source"))
        .contains("exactly one of snapshots (recommended), virtualMachineId or blobUri");
    assertThat(explain("giv.spec.replicas.vmsPerReplica")).contains("Nodes one replica serves");
  }

  /**
   * Every field of the pool's newer blocks, at every depth, is listed by kubectl explain with its
   * whole description: one explain per object, which lists its fields with their descriptions.
   */
  @Test
  void kubectlExplainDocumentsEveryFieldOfThePoolSettingsBlocks() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(kubectl.run("explain", "batchpool.spec.networkConfiguration").output())
                    .contains("subnetId"));
    JsonNode spec =
        ProjectFiles.openApiSchema(ProjectFiles.committedCrdsByKind().get("BatchPool"))
            .at("/properties/spec/properties");
    List<String> explained = new ArrayList<>();
    for (String block :
        List.of(
            "networkConfiguration",
            "identity",
            "mountConfiguration",
            "containerConfiguration",
            "osDisk",
            "securityProfile",
            "upgradePolicy",
            "startTask")) {
      explainEveryField("batchpool.spec." + block, spec.path(block), explained);
    }
    assertThat(explained)
        .contains(
            "batchpool.spec.networkConfiguration.endpointConfiguration.inboundNatPools"
                + ".networkSecurityGroupRules",
            "batchpool.spec.mountConfiguration.azureFileShareConfiguration.accountKey.secretKeyRef",
            "batchpool.spec.startTask.resourceFiles.identityReference");
  }

  private void explainEveryField(String path, JsonNode schema, List<String> explained) {
    JsonNode object = schema.has("items") ? schema.path("items") : schema;
    if (!object.has("properties")) {
      return;
    }
    String output = explain(path);
    explained.add(path);
    object
        .path("properties")
        .properties()
        .forEach(
            field -> {
              String description =
                  field.getValue().path("description").asText().replaceAll("\\s+", " ");
              assertThat(output)
                  .as("kubectl explain %s", path)
                  .contains(field.getKey() + " <")
                  .contains(description);
              explainEveryField(path + "." + field.getKey(), field.getValue(), explained);
            });
  }

  /** kubectl explain's output with its line wrapping undone. */
  private String explain(String field) {
    return kubectl.succeed("explain", field).replaceAll("\\s+", " ");
  }

  @Test
  void kubectlScaleChangesTheTargetDedicatedNodes() {
    String namespace = TestNamespaces.create(client, "scale");
    TestNamespaces.apply(client, namespace, ProjectFiles.example("render-chain.yaml", "BatchPool"));

    kubectl.succeed("scale", "bp/render-pool", "--replicas=80", "-n", namespace);

    assertThat(
            kubectl.succeed(
                "get",
                "bp/render-pool",
                "-n",
                namespace,
                "-o",
                "jsonpath={.spec.scale.fixed.targetDedicatedNodes}"))
        .isEqualTo("80");
  }

  @Test
  void kubectlScaleOfAnAutoscalePoolIsRefusedWithTheRuleMessage() {
    String namespace = TestNamespaces.create(client, "scale-auto");
    TestNamespaces.apply(
        client, namespace, ProjectFiles.example("autoscale-pool.yaml", "BatchPool"));

    Kubectl.Result result =
        kubectl.run("scale", "bp/render-autoscale", "--replicas=5", "-n", namespace);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("scale needs exactly one of fixed or autoScale");
  }
}
