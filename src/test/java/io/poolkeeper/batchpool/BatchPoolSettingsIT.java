package io.poolkeeper.batchpool;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.azure.PoolChanges;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.batch.PoolModel.ContainerRegistry;
import io.poolkeeper.azure.batch.PoolModel.DiffDiskSettings;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.azure.batch.PoolModel.MountConfiguration;
import io.poolkeeper.azure.batch.PoolModel.SecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.UefiSettings;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.CapturedLog;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.SecretValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The BatchPool controller passes a production pool's settings and Secrets to Azure: the example
 * examples/production-pool.yaml (subnet, user-assigned identity, trusted launch on a Gen2 size,
 * ephemeral OS disk, an Azure Files mount keyed by a Secret) with a private registry and a start
 * task in a container, both with passwords from Secrets. Batch never answers those passwords
 * (x-ms-secret in the 2026-08-01 openapi.json), so what the emulator received is read through its
 * Java admin API.
 */
@ExtendWith(RealApiServer.class)
class BatchPoolSettingsIT {

  private static final String NAME = "render-prod";
  private static final PoolRef POOL = ACCOUNT.pool(NAME);

  private static final String IMAGE_VERSION = OperatorHarness.SHARED_IMAGE_VERSION;

  private static final String FILES_KEY = "files-key-Zq81xv";
  private static final String REGISTRY_PASSWORD = "registry-pw-Lk27mw";
  private static final String START_PASSWORD = "start-pw-Hy64rt";
  private static final String ROTATED_START_PASSWORD = "start-pw-rotated-Pe55qa";

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private OperatorHarness world;

  BatchPoolSettingsIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @BeforeEach
  void startWorld() {
    world = OperatorHarness.start(client, kubectl, "bps");
  }

  @AfterEach
  void stopWorld() {
    world.close();
  }

  @Test
  void theProductionPoolReachesReadyWithEverySettingAndARotatedStartTaskPasswordIsPatchedIn() {
    world.seedSharedTrustedLaunchImage();
    ObjectNode filesSecret = world.example("production-pool.yaml", "Secret");
    ((ObjectNode) filesSecret.get("stringData")).put("accountKey", FILES_KEY);
    world.apply(filesSecret);
    world.secret("render-registry", "password", REGISTRY_PASSWORD);
    world.secret("render-start-registry", "password", START_PASSWORD);

    try (CapturedLog log = CapturedLog.start()) {
      world.apply(productionPoolWithContainers());
      BatchPool ready = untilReady();

      PoolInfo azure = world.azure.pools().get(POOL).orElseThrow();
      PoolSettings settings = azure.settings();
      assertThat(settings.networkConfiguration().subnetId())
          .endsWith("/virtualNetworks/vnet-render/subnets/batch-nodes");
      assertThat(settings.networkConfiguration().publicIPAddressConfiguration().provision())
          .isEqualTo("NoPublicIPAddresses");
      assertThat(settings.userAssignedIdentities())
          .singleElement()
          .asString()
          .endsWith("/userAssignedIdentities/render-nodes");
      // Everything the spec asks for, as the operator maps it, is what Azure has.
      PoolSettings wanted =
          PoolSettingsMapper.settings(
              ready,
              ImageReference.ofId(IMAGE_VERSION),
              Duration.parse(ready.getStatus().getEffectiveResizeTimeout()),
              new SecretValues(client)
                  .resolve(
                      world.namespace,
                      PoolSettingsMapper.secretReferences(ready.getSpec()).stream()
                          .map(PoolSettingsMapper.SecretUse::reference)
                          .distinct()
                          .toList()));
      assertThat(PoolChanges.between(wanted, azure).inSync()).isTrue();
      assertThat(settings.virtualMachineConfiguration().imageReference())
          .isEqualTo(ImageReference.ofId(IMAGE_VERSION));
      assertThat(settings.virtualMachineConfiguration().osDisk().ephemeralOSDiskSettings())
          .isEqualTo(new DiffDiskSettings("CacheDisk"));
      assertThat(settings.virtualMachineConfiguration().securityProfile())
          .isEqualTo(new SecurityProfile("trustedLaunch", null, new UefiSettings(true, true)));
      assertThat(settings.mountConfiguration())
          .extracting(MountConfiguration::azureFileShareConfiguration)
          .filteredOn(java.util.Objects::nonNull)
          .singleElement()
          .satisfies(files -> assertThat(files.accountName()).isEqualTo("renderfiles"));
      assertThat(
              settings.virtualMachineConfiguration().containerConfiguration().containerRegistries())
          .containsExactly(
              new ContainerRegistry("render-puller", null, "docker.example.com", null));
      assertThat(settings.startTask().containerSettings().imageName())
          .isEqualTo("docker.example.com/render/setup:1");

      JsonNode received = world.admin().receivedPoolProperties(POOL.resourceId()).orElseThrow();
      assertThat(fileShareKey(received)).isEqualTo(FILES_KEY);
      assertThat(
              received
                  .at(
                      "/deploymentConfiguration/virtualMachineConfiguration/containerConfiguration"
                          + "/containerRegistries/0/password")
                  .asText())
          .isEqualTo(REGISTRY_PASSWORD);
      assertThat(startTaskPassword(received)).isEqualTo(START_PASSWORD);
      assertThat(ready.getStatus().getAppliedSecretVersions())
          .isEqualTo(
              Map.of(
                  "render-files", resourceVersion("render-files"),
                  "render-registry", resourceVersion("render-registry"),
                  "render-start-registry", resourceVersion("render-start-registry")));

      // A Ready pool whose passwords Azure never answers is left alone: nothing to re-send.
      world.admin().resetRequestCounts();
      waitSimulated(Duration.ofMinutes(15));
      assertThat(poolWrites()).isZero();

      String rotated = world.secret("render-start-registry", "password", ROTATED_START_PASSWORD);
      BatchPool patched =
          world.until(
              () -> world.get(BatchPool.class, NAME),
              pool ->
                  rotated.equals(
                      pool.getStatus().getAppliedSecretVersions().get("render-start-registry")));

      assertThat(world.admin().requestCounts())
          .containsEntry("PATCH Microsoft.Batch/batchAccounts/pools", 1L);
      JsonNode afterRotation =
          world.admin().receivedPoolProperties(POOL.resourceId()).orElseThrow();
      assertThat(startTaskPassword(afterRotation)).isEqualTo(ROTATED_START_PASSWORD);
      assertThat(fileShareKey(afterRotation)).isEqualTo(FILES_KEY);
      assertThat(patched.getStatus().getAppliedSecretVersions())
          .containsEntry("render-files", resourceVersion("render-files"))
          .containsEntry("render-registry", resourceVersion("render-registry"));
      assertThat(OperatorHarness.conditionStatus(patched, Conditions.STALLED)).isEqualTo("False");
      world.until(() -> world.eventReasons(NAME), reasons -> reasons.contains("SecretChanged"));

      List<String> secretValues =
          List.of(FILES_KEY, REGISTRY_PASSWORD, START_PASSWORD, ROTATED_START_PASSWORD);
      String status = Serialization.asJson(world.get(BatchPool.class, NAME).getStatus());
      String events =
          world.events(NAME).stream().map(Event::getMessage).collect(Collectors.joining("\n"));
      String logged = log.text();
      assertThat(logged).as("the operator's reconciles are in the captured log").contains(NAME);
      for (String value : secretValues) {
        assertThat(status).doesNotContain(value);
        assertThat(events).doesNotContain(value);
        assertThat(logged).doesNotContain(value);
      }
    }
  }

  @Test
  void aMissingSecretIsStalledNamingTheSecretAndKeyAndNoPoolIsCreated() {
    world.apply(world.example("production-pool.yaml", "BatchPool"));

    BatchPool stalled = world.untilCondition(BatchPool.class, NAME, Conditions.STALLED, "True");

    assertThat(OperatorHarness.condition(stalled, Conditions.STALLED).getReason())
        .isEqualTo("SecretMissing");
    assertThat(OperatorHarness.condition(stalled, Conditions.STALLED).getMessage())
        .contains("Secret render-files does not exist", "accountKey");
    assertThat(world.eventReasons(NAME)).contains("SecretMissing");
    assertThat(world.azure.pools().get(POOL)).isEmpty();
  }

  /** The example pool plus a private registry and a start task in a container, keyed by Secrets. */
  private ObjectNode productionPoolWithContainers() {
    ObjectNode pool = world.example("production-pool.yaml", "BatchPool");
    ObjectNode spec = (ObjectNode) pool.get("spec");
    spec.set(
        "containerConfiguration",
        yaml(
            """
            type: DockerCompatible
            containerImageNames: [docker.example.com/render/blender:4.2]
            containerRegistries:
              - registryServer: docker.example.com
                userName: render-puller
                password: {secretKeyRef: {name: render-registry, key: password}}
            """));
    ((ObjectNode) spec.get("startTask"))
        .set(
            "containerSettings",
            yaml(
                """
                imageName: docker.example.com/render/setup:1
                registry:
                  registryServer: docker.example.com
                  userName: render-starter
                  password: {secretKeyRef: {name: render-start-registry, key: password}}
                """));
    return pool;
  }

  private String resourceVersion(String secret) {
    return client
        .secrets()
        .inNamespace(world.namespace)
        .withName(secret)
        .get()
        .getMetadata()
        .getResourceVersion();
  }

  private BatchPool untilReady() {
    return world.untilCondition(BatchPool.class, NAME, Conditions.READY, "True");
  }

  private void waitSimulated(Duration duration) {
    Instant end = world.admin().now().plus(duration);
    world.until(() -> world.admin().now(), now -> !now.isBefore(end));
  }

  private long poolWrites() {
    return world.admin().requestCounts().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("Microsoft.Batch/batchAccounts/pools"))
        .filter(entry -> !entry.getKey().startsWith("GET "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static String fileShareKey(JsonNode received) {
    for (JsonNode mount : received.path("mountConfiguration")) {
      if (mount.has("azureFileShareConfiguration")) {
        return mount.at("/azureFileShareConfiguration/accountKey").asText();
      }
    }
    return null;
  }

  private static String startTaskPassword(JsonNode received) {
    return received.at("/startTask/containerSettings/registry/password").asText();
  }

  private static ObjectNode yaml(String text) {
    return Serialization.unmarshal(text, ObjectNode.class);
  }
}
