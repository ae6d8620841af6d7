package io.poolkeeper.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.kubetest.Commands;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kustomize base, its namespaced overlay and the Helm chart render with the real tools and
 * apply with server-side dry-run on a real API server; both installs grant the same rules and run
 * the operator with the same hardening.
 */
@ExtendWith(RealApiServer.class)
class DeployManifestsIT {

  private static final String HELM_NAMESPACE = "poolkeeper-helm";

  private final Kubectl kubectl;

  DeployManifestsIT(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @Test
  void theKustomizeBaseAppliesWithServerSideDryRun() {
    String rendered = Installs.kustomize(kubectl, Installs.KUSTOMIZE_BASE);
    List<ObjectNode> objects = Installs.objects(rendered);
    Installs.ensureNamespace(kubectl, Installs.KUSTOMIZE_NAMESPACE);

    assertAcceptedByDryRun(rendered);
    assertThat(kinds(objects))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "CustomResourceDefinition", 3,
                "Namespace", 1,
                "ServiceAccount", 1,
                "ClusterRole", 2,
                "ClusterRoleBinding", 2,
                "Role", 1,
                "RoleBinding", 1,
                "Deployment", 1));
    assertCrdsAreCommittedOnes(objects);
    assertHardened(Installs.deployment(objects));
  }

  @Test
  void theNamespacedOverlayBindsItsRolesInTheServedNamespaceOnly() {
    String rendered = Installs.kustomize(kubectl, Installs.KUSTOMIZE_NAMESPACED);
    List<ObjectNode> objects = Installs.objects(rendered);
    Installs.ensureNamespace(kubectl, Installs.KUSTOMIZE_NAMESPACE);
    Installs.ensureNamespace(kubectl, "batch");

    assertAcceptedByDryRun(rendered);
    assertThat(Installs.ofKind(objects, "ClusterRoleBinding")).isEmpty();
    assertThat(Installs.ofKind(objects, "RoleBinding"))
        .extracting(
            b -> b.at("/metadata/namespace").asText() + "/" + b.at("/roleRef/name").asText())
        .containsExactlyInAnyOrder(
            "batch/poolkeeper-operator",
            "batch/poolkeeper-secret-reader",
            "poolkeeper-system/poolkeeper-leader-election");
    assertThat(Installs.environment(Installs.deployment(objects)))
        .contains("POOLKEEPER_NAMESPACES=batch");
  }

  @Test
  void theHelmChartWithItsDefaultsAppliesWithServerSideDryRunAndMatchesTheKustomizeBase() {
    String rendered = Installs.renderChart("poolkeeper", HELM_NAMESPACE);
    List<ObjectNode> objects = Installs.objects(rendered);
    Installs.ensureNamespace(kubectl, HELM_NAMESPACE);

    assertAcceptedByDryRun(rendered);
    assertCrdsAreCommittedOnes(objects);
    ObjectNode deployment = Installs.deployment(objects);
    assertHardened(deployment);
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("ghcr.io/poolkeeper/poolkeeper:" + DeployDefinitionsTest.releaseVersion());
    assertThat(Installs.environment(deployment))
        .contains(
            "POOLKEEPER_LOG_FORMAT=json",
            "POOLKEEPER_LOCKS=true",
            "POOLKEEPER_LEADER_ELECTION=true",
            "POOLKEEPER_HTTP_PORT=8080")
        .noneMatch(variable -> variable.startsWith("POOLKEEPER_NAMESPACES="));
    assertThat(Installs.ofKind(objects, "ClusterRoleBinding")).hasSize(2);
    assertThat(Installs.ofKind(objects, "RoleBinding")).hasSize(1);

    List<ObjectNode> kustomized =
        Installs.objects(Installs.kustomize(kubectl, Installs.KUSTOMIZE_BASE));
    assertThat(rules(objects, "ClusterRole", "poolkeeper-operator"))
        .isEqualTo(rules(kustomized, "ClusterRole", "poolkeeper-operator"));
    assertThat(rules(objects, "ClusterRole", "poolkeeper-secret-reader"))
        .isEqualTo(rules(kustomized, "ClusterRole", "poolkeeper-secret-reader"));
    assertThat(rules(objects, "Role", "poolkeeper-leader-election"))
        .isEqualTo(rules(kustomized, "Role", "poolkeeper-leader-election"));
    ObjectNode kustomizedDeployment = Installs.deployment(kustomized);
    for (String path :
        List.of(
            "/spec/replicas",
            "/spec/template/spec/securityContext",
            "/spec/template/spec/volumes",
            "/spec/template/spec/containers/0/args",
            "/spec/template/spec/containers/0/securityContext",
            "/spec/template/spec/containers/0/resources",
            "/spec/template/spec/containers/0/livenessProbe",
            "/spec/template/spec/containers/0/readinessProbe",
            "/spec/template/spec/containers/0/volumeMounts")) {
      assertThat(deployment.at(path)).as(path).isEqualTo(kustomizedDeployment.at(path));
    }
  }

  @Test
  void theHelmChartsValuesReachTheOperatorAndItsRoles() {
    Installs.ensureNamespace(kubectl, HELM_NAMESPACE);
    Installs.ensureNamespace(kubectl, "team-a");
    Installs.ensureNamespace(kubectl, "team-b");
    String rendered =
        Installs.renderChart(
            "batch",
            HELM_NAMESPACE,
            "--set",
            "azure.workloadIdentityClientId=6a1a2b3c-0000-4000-8000-000000000001",
            "--set",
            "azure.defaultSubscription=11111111-2222-3333-4444-555555555555",
            "--set",
            "watchNamespaces={team-a,team-b}",
            "--set",
            "labelSelector=team=render",
            "--set",
            "lockProtection=false",
            "--set",
            "logFormat=text",
            "--set",
            "image.repository=registry.example.com/poolkeeper",
            "--set",
            "image.tag=0.1.0-rc1",
            "--set",
            "replicaCount=3",
            "--set",
            "leaderElection.leaseName=batch-leader");
    List<ObjectNode> objects = Installs.objects(rendered);

    assertAcceptedByDryRun(rendered);
    ObjectNode serviceAccount = Installs.ofKind(objects, "ServiceAccount").get(0);
    assertThat(
            serviceAccount.at("/metadata/annotations/azure.workload.identity~1client-id").asText())
        .isEqualTo("6a1a2b3c-0000-4000-8000-000000000001");
    ObjectNode deployment = Installs.deployment(objects);
    assertThat(
            deployment.at("/spec/template/metadata/labels/azure.workload.identity~1use").asText())
        .isEqualTo("true");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("registry.example.com/poolkeeper:0.1.0-rc1");
    assertThat(Installs.environment(deployment))
        .contains(
            "POOLKEEPER_NAMESPACES=team-a,team-b",
            "POOLKEEPER_SELECTOR=team=render",
            "POOLKEEPER_SUBSCRIPTION=11111111-2222-3333-4444-555555555555",
            "POOLKEEPER_LOCKS=false",
            "POOLKEEPER_LOG_FORMAT=text",
            "POOLKEEPER_LEASE_NAME=batch-leader");
    assertThat(Installs.ofKind(objects, "ClusterRoleBinding")).isEmpty();
    assertThat(Installs.ofKind(objects, "RoleBinding"))
        .extracting(
            b -> b.at("/metadata/namespace").asText() + "/" + b.at("/roleRef/name").asText())
        .containsExactlyInAnyOrder(
            "team-a/batch-poolkeeper-operator",
            "team-a/batch-poolkeeper-secret-reader",
            "team-b/batch-poolkeeper-operator",
            "team-b/batch-poolkeeper-secret-reader",
            HELM_NAMESPACE + "/batch-poolkeeper-leader-election");
  }

  @Test
  void theChartLintsCleanAndItsPackageCarriesTheCrds() throws Exception {
    Path packages = Files.createTempDirectory("poolkeeper-chart");
    Commands.succeed(
        ProjectFiles.root(),
        Installs.helm(
            "lint",
            "--strict",
            Installs.CHART.toString(),
            Installs.KUBE_VERSION,
            RealApiServer.kubernetesVersion()));
    Commands.succeed(
        ProjectFiles.root(),
        Installs.helm("package", Installs.CHART.toString(), "--destination", packages.toString()));
    Path archive =
        packages.resolve("poolkeeper-" + DeployDefinitionsTest.releaseVersion() + ".tgz");
    assertThat(archive).isRegularFile();

    String rendered =
        Commands.succeed(
            ProjectFiles.root(),
            Installs.helm(
                "template",
                "poolkeeper",
                archive.toString(),
                "--include-crds",
                Installs.KUBE_VERSION,
                RealApiServer.kubernetesVersion()));

    assertCrdsAreCommittedOnes(Installs.objects(rendered));
  }

  @Test
  void crdsStillApplyAsAFolderBesideTheirKustomization() {
    String applied =
        kubectl.succeed(
            "apply",
            "--server-side",
            "--force-conflicts",
            "--dry-run=server",
            "-f",
            ProjectFiles.committedCrds().toString());

    assertThat(dryRunApplied(applied)).isEqualTo(3);
  }

  @Test
  void theHelmChartRefusesBadValuesSayingWhichAndWhy() {
    assertRefused(
        Installs.helmTemplate("poolkeeper", HELM_NAMESPACE, "--set", "logFormat=xml"), "logFormat");
    assertRefused(
        Installs.helmTemplate("poolkeeper", HELM_NAMESPACE, "--set", "watchNamespace={team-a}"),
        "watchNamespace");
    assertRefused(
        Installs.helmTemplate(
            "poolkeeper", HELM_NAMESPACE, "--set", "azure.defaultSubscription=my-subscription"),
        "defaultSubscription");
    assertRefused(
        Installs.helmTemplate(
            "poolkeeper", HELM_NAMESPACE, "--set", "leaderElection.enabled=false"),
        "replicaCount above 1 needs leaderElection.enabled=true");
    assertThat(
            Installs.helmTemplate(
                    "poolkeeper",
                    HELM_NAMESPACE,
                    "--set",
                    "leaderElection.enabled=false",
                    "--set",
                    "replicaCount=1")
                .exitCode())
        .isZero();
  }

  private static void assertRefused(Commands.Result result, String reason) {
    assertThat(result.exitCode()).as(result.printed()).isNotZero();
    assertThat(result.errors()).contains(reason).doesNotContain("panic", "goroutine");
  }

  /** What the issue asks of the operator's pod, whichever way it was installed. */
  private static void assertHardened(ObjectNode deployment) {
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asLong())
        .as("the image's user")
        .isEqualTo(DeployDefinitionsTest.imageUser());
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/capabilities/drop"))
        .extracting(JsonNode::asText)
        .containsExactly("ALL");
    for (String bound : List.of("requests", "limits")) {
      assertThat(container.at("/resources/" + bound + "/cpu").asText()).as(bound).isNotEmpty();
      assertThat(container.at("/resources/" + bound + "/memory").asText()).as(bound).isNotEmpty();
    }
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/args/0").asText()).isEqualTo("operator");
    assertThat(container.at("/volumeMounts"))
        .extracting(mount -> mount.path("mountPath").asText())
        .containsExactly("/tmp");
  }

  private static Map<String, Integer> kinds(List<ObjectNode> objects) {
    Map<String, Integer> kinds = new TreeMap<>();
    objects.forEach(o -> kinds.merge(o.path("kind").asText(), 1, Integer::sum));
    return kinds;
  }

  /**
   * The install's CRDs are those of crds/: the same specs (an install adds labels), where kustomize
   * may print 32767.0 as 32767.
   */
  private static void assertCrdsAreCommittedOnes(List<ObjectNode> objects) {
    Map<String, JsonNode> committed = ProjectFiles.committedCrdsByKind();
    Map<String, JsonNode> installed = new TreeMap<>();
    for (ObjectNode crd : Installs.ofKind(objects, "CustomResourceDefinition")) {
      installed.put(crd.at("/spec/names/kind").asText(), crd.path("spec"));
    }
    assertThat(installed.keySet()).isEqualTo(committed.keySet());
    Comparator<JsonNode> sameValue =
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? Double.compare(a.doubleValue(), b.doubleValue())
                : a.equals(b) ? 0 : 1;
    for (String kind : committed.keySet()) {
      assertThat(installed.get(kind).equals(sameValue, committed.get(kind).path("spec")))
          .as("%s as installed is crds/", kind)
          .isTrue();
    }
  }

  /** Applies rendered manifests with server-side dry-run: the server accepts every object. */
  private void assertAcceptedByDryRun(String rendered) {
    String applied = Installs.apply(kubectl, rendered, true);
    assertThat(dryRunApplied(applied)).isEqualTo(Installs.objects(rendered).size());
  }

  /** How many objects kubectl says it applied with server-side dry-run. */
  private static long dryRunApplied(String kubectlOutput) {
    return kubectlOutput
        .lines()
        .filter(line -> line.endsWith("serverside-applied (server dry run)"))
        .count();
  }

  /** A role's rules; Helm prefixes the release name, so match on the name's end. */
  private static JsonNode rules(List<ObjectNode> objects, String kind, String nameEnd) {
    return Installs.ofKind(objects, kind).stream()
        .filter(role -> role.at("/metadata/name").asText().endsWith(nameEnd))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named *" + nameEnd))
        .path("rules");
  }
}
