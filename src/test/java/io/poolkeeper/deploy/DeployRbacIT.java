package io.poolkeeper.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OperatorProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged operator, signed in with a token of the ServiceAccount an install creates
 * (TokenRequest, as the kubelet mounts it in the pod), completes the example chain, a pool with a
 * Secret included: the install's roles are enough. And that token cannot list or watch Secrets
 * anywhere; it may only get them, where the operator serves.
 */
@ExtendWith(RealApiServer.class)
class DeployRbacIT {

  private static final String SECRET = "render-files";

  private final KubernetesClient client;
  private final Kubectl kubectl;

  DeployRbacIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @Test
  void theKustomizeBaseRolesCompleteTheChainAndNeverListOrWatchSecrets() throws Exception {
    try (OperatorHarness world =
        OperatorHarness.withoutOperator(client, kubectl, "rbac-kustomize")) {
      Installs.ensureNamespace(kubectl, Installs.KUSTOMIZE_NAMESPACE);
      Installs.apply(kubectl, Installs.kustomize(kubectl, Installs.KUSTOMIZE_BASE), false);
      Kubectl operatorUser =
          kubectl.as(
              tokenKubeconfig(Installs.KUSTOMIZE_NAMESPACE, Installs.KUSTOMIZE_SERVICE_ACCOUNT));

      completeTheChain(world, operatorUser, Installs.KUSTOMIZE_NAMESPACE);

      assertCannotListOrWatchSecrets(operatorUser, world.namespace);
      // The base serves every namespace, so it may get a Secret in any (and nothing else).
      assertThat(canI(operatorUser, "get", "secrets", "-n", "default")).isTrue();
    }
  }

  @Test
  void theHelmChartsNamespacedRolesCompleteTheChainAndGetSecretsOnlyWhereItServes()
      throws Exception {
    try (OperatorHarness world = OperatorHarness.withoutOperator(client, kubectl, "rbac-helm")) {
      String release = "rbac";
      String releaseNamespace = world.namespace + "-operator";
      Installs.ensureNamespace(kubectl, releaseNamespace);
      Installs.apply(
          kubectl,
          Installs.renderChart(
              release, releaseNamespace, "--set", "watchNamespaces={" + world.namespace + "}"),
          false);
      Kubectl operatorUser = kubectl.as(tokenKubeconfig(releaseNamespace, release + "-poolkeeper"));

      completeTheChain(world, operatorUser, releaseNamespace);

      assertCannotListOrWatchSecrets(operatorUser, world.namespace);
      assertThat(canI(operatorUser, "get", "secrets", "-n", "default")).isFalse();
      assertThat(canI(operatorUser, "get", "secrets", "-n", releaseNamespace)).isFalse();
      assertThat(canI(operatorUser, "list", "batchpools.poolkeeper.io", "-n", "default")).isFalse();
    }
  }

  /**
   * Runs the packaged operator as {@code operatorUser} (leader election on, in the install's
   * namespace) until the example chain, with a pool that mounts a share keyed by a Secret, is
   * Ready; then checks it recorded Events and was never refused by the API server.
   */
  private void completeTheChain(OperatorHarness world, Kubectl operatorUser, String leaseNamespace)
      throws Exception {
    assertThat(canI(operatorUser, "get", "secrets", "-n", world.namespace)).isTrue();
    client
        .secrets()
        .inNamespace(world.namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .endMetadata()
                .addToStringData("accountKey", "files-account-key")
                .build())
        .create();
    Process operator =
        OperatorProcesses.start(
            world.operatorCommand(
                "--leader-election",
                "true",
                "--lease-namespace",
                leaseNamespace,
                "--http-port",
                "0"),
            operatorUser.kubeconfig());
    try {
      world.apply(world.example("render-chain.yaml", "ManagedImage"));
      world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
      world.apply(poolWithASecretMount(world));
      world.untilCondition(ManagedImage.class, "render-base-2026-11", Conditions.READY, "True");
      world.untilCondition(
          GalleryImageVersion.class, "render-base-1-0-0", Conditions.READY, "True");
      BatchPool pool = untilReady(world, operator);

      assertThat(pool.getStatus().getAppliedSecretVersions()).containsKey(SECRET);
      assertThat(world.eventReasons("render-pool")).as("Events it recorded").isNotEmpty();
      assertThat(world.eventReasons("render-base-2026-11")).isNotEmpty();
      assertThat(world.admin().requestCounts().keySet())
          .as("Azure requests the operator made")
          .isNotEmpty()
          .allSatisfy(request -> assertThat(AzureRole.grants(request)).as(request).isTrue());
      String log = OperatorProcesses.output(operator);
      assertThat(log.toLowerCase(Locale.ROOT))
          .as("the operator's log:%n%s", log)
          .doesNotContain("forbidden", "code=403");
    } finally {
      operator.destroy();
      operator.waitFor(30, TimeUnit.SECONDS);
      operator.destroyForcibly();
    }
  }

  /** Waits for the pool to be Ready; if it never is, fails with its status and the log. */
  private BatchPool untilReady(OperatorHarness world, Process operator) {
    try {
      return world.untilCondition(BatchPool.class, "render-pool", Conditions.READY, "True");
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "render-pool is not Ready:\n"
              + kubectl
                  .run("get", "bp", "render-pool", "-n", world.namespace, "-o", "yaml")
                  .output()
              + "\nEvents: "
              + world.eventReasons("render-pool")
              + "\nThe operator printed:\n"
              + OperatorProcesses.output(operator),
          e);
    }
  }

  /** render-chain.yaml's pool, plus an Azure Files mount whose account key is a Secret. */
  private static ObjectNode poolWithASecretMount(OperatorHarness world) {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ArrayNode mounts = ((ObjectNode) pool.path("spec")).putArray("mountConfiguration");
    ObjectNode share = mounts.addObject().putObject("azureFileShareConfiguration");
    share.put("accountName", "renderfiles");
    share.put("azureFileUrl", "https://renderfiles.file.core.windows.net/output");
    share.put("relativeMountPath", "output");
    share
        .putObject("accountKey")
        .putObject("secretKeyRef")
        .put("name", SECRET)
        .put("key", "accountKey");
    return pool;
  }

  private static void assertCannotListOrWatchSecrets(Kubectl operatorUser, String served) {
    assertThat(canI(operatorUser, "list", "secrets", "--all-namespaces")).isFalse();
    assertThat(canI(operatorUser, "watch", "secrets", "--all-namespaces")).isFalse();
    assertThat(canI(operatorUser, "list", "secrets", "-n", served)).isFalse();
    assertThat(canI(operatorUser, "watch", "secrets", "-n", served)).isFalse();
    Kubectl.Result listed = operatorUser.run("get", "secrets", "-n", served);
    assertThat(listed.exitCode()).isNotZero();
    assertThat(listed.output()).contains("Forbidden").doesNotContain(SECRET);
    // Nor may it touch what Poolkeeper does not manage.
    assertThat(canI(operatorUser, "create", "pods", "-n", served)).isFalse();
    assertThat(canI(operatorUser, "delete", "batchpools.poolkeeper.io", "-n", served)).isFalse();
  }

  /** kubectl auth can-i: what the API server's RBAC answers for this user. */
  private static boolean canI(Kubectl user, String verb, String resource, String... scope) {
    List<String> words = new ArrayList<>(List.of("auth", "can-i", verb, resource));
    words.addAll(List.of(scope));
    Kubectl.Result answer = user.run(words.toArray(String[]::new));
    String said = answer.output().strip();
    assertThat(said).as("kubectl auth can-i %s %s", verb, resource).isIn("yes", "no");
    return said.equals("yes");
  }

  /** A kubeconfig for the test API server that signs in with a fresh token of the account. */
  private Path tokenKubeconfig(String namespace, String serviceAccount) throws Exception {
    TokenRequest issued =
        client
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(serviceAccount)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build());
    Config admin = Config.fromKubeconfig(Files.readString(kubectl.kubeconfig()));
    String ca =
        admin.getCaCertData() != null
            ? admin.getCaCertData()
            : Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: test
            cluster:
              server: %s
              certificate-authority-data: %s
        users:
          - name: %s
            user:
              token: %s
        contexts:
          - name: operator
            context:
              cluster: test
              user: %s
        current-context: operator
        """
            .formatted(
                admin.getMasterUrl(),
                ca,
                serviceAccount,
                issued.getStatus().getToken(),
                serviceAccount);
    Path file = Files.createTempFile("poolkeeper-" + serviceAccount, ".kubeconfig");
    file.toFile().deleteOnExit();
    Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
    return file;
  }
}
