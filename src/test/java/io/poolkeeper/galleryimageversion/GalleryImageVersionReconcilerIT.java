package io.poolkeeper.galleryimageversion;

import static io.poolkeeper.operator.OperatorHarness.IMAGES_GROUP;
import static io.poolkeeper.operator.OperatorHarness.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionStatus.RegionReplication;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService.ImageDefinitionSettings;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.InUseLock;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OwnerTag;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GalleryImageVersion controller on the real API server with the Azure emulator: what kubectl
 * shows and what Azure holds.
 */
@ExtendWith(RealApiServer.class)
class GalleryImageVersionReconcilerIT {

  private static final String NAME = "render-base-1-0-0";
  private static final String IMAGE = "render-base-2026-11";
  private static final GalleryImageVersionRef VERSION =
      new GalleryImageVersionRef(
          SUBSCRIPTION, IMAGES_GROUP, "render_gallery", "render-base", "1.0.0");

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private OperatorHarness world;

  GalleryImageVersionReconcilerIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @BeforeEach
  void startWorld() {
    world = OperatorHarness.start(client, kubectl, "giv");
  }

  @AfterEach
  void stopWorld() {
    world.close();
  }

  @Test
  void theExampleVersionIsStalledUntilItsImageExistsThenBecomesReadyInBothRegions() {
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    // Missing at two looks, the ManagedImage needs a person to create it: the version is Stalled.
    GalleryImageVersion waiting =
        world.until(
            () -> world.get(GalleryImageVersion.class, NAME),
            giv ->
                "True".equals(OperatorHarness.conditionStatus(giv, Conditions.STALLED))
                    && "ImageMissing".equals(reason(giv, Conditions.STALLED)));
    assertThat(OperatorHarness.condition(waiting, Conditions.STALLED).getMessage())
        .contains("ManagedImage " + IMAGE + " does not exist");
    assertThat(world.azure.galleries().getImageDefinition(VERSION)).isPresent();
    assertThat(world.azure.galleries().getVersion(VERSION)).isEmpty();

    world.apply(world.example("render-chain.yaml", "ManagedImage"));

    GalleryImageVersion ready =
        world.untilCondition(GalleryImageVersion.class, NAME, Conditions.READY, "True");
    assertThat(ready.getStatus().getProvisioningState()).isEqualTo("Succeeded");
    assertThat(ready.getStatus().getReplicationState()).isEqualTo("Completed");
    assertThat(ready.getStatus().getImageVersionResourceId()).isEqualTo(VERSION.resourceId());
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(ready.getStatus().getReplication())
        .extracting(
            RegionReplication::getRegion,
            RegionReplication::getState,
            RegionReplication::getProgress,
            RegionReplication::getReplicaCount)
        .containsExactly(
            Tuple.tuple("westeurope", "Completed", 100, 1),
            Tuple.tuple("northeurope", "Completed", 100, 1));
    assertThat(OperatorHarness.conditionStatus(ready, Conditions.REPLICATED)).isEqualTo("True");
    assertThat(OperatorHarness.conditionStatus(ready, Conditions.STALLED)).isEqualTo("False");
    assertThat(OperatorHarness.conditionStatus(ready, Conditions.IN_USE)).isEqualTo("False");

    ImageVersionInfo azure = world.azure.galleries().getVersion(VERSION).orElseThrow();
    assertThat(azure.sourceImageId()).isEqualToIgnoringCase(OperatorHarness.imageId(IMAGE));
    assertThat(azure.tags())
        .containsEntry(OwnerTag.KEY, world.namespace + "/" + NAME + "/" + uid(ready));
    assertThat(world.eventReasons(NAME))
        .contains("CreatingGallery", "CreatingImageDefinition", "Creating");
    assertThat(
            kubectl.succeed(
                "wait",
                "-n",
                world.namespace,
                "--for=condition=Ready",
                "giv/" + NAME,
                "--timeout=5s"))
        .contains("condition met");
  }

  @Test
  void replicasFollowThePoolsInTheirRegionAndNeverFallBelowTheSpec() {
    applyChainAndWaitUntilReady();

    for (String pool : new String[] {"pool-a", "pool-b", "pool-c"}) {
      world.apply(pool(pool, 1000));
    }

    world.until(() -> replicasInAzure("westeurope"), count -> count >= 5);
    GalleryImageVersion raised =
        world.until(
            () -> world.get(GalleryImageVersion.class, NAME),
            giv ->
                "True".equals(OperatorHarness.conditionStatus(giv, Conditions.READY))
                    && giv.getStatus().getDemand().getPools() == 3);
    assertThat(raised.getStatus().getDemand().getNodes()).isEqualTo(3000);
    assertThat(raised.getStatus().getReplication())
        .extracting(RegionReplication::getRegion, RegionReplication::getReplicaCount)
        .containsExactly(Tuple.tuple("westeurope", 5), Tuple.tuple("northeurope", 1));
    assertThat(replicasInAzure("northeurope")).isEqualTo(1);
    assertThat(world.eventReasons(NAME)).contains("Updating");

    deletePool("pool-a");
    deletePool("pool-b");

    // One pool of 1000 nodes needs ceil(1000 / 600) = 2 replicas.
    world.until(() -> replicasInAzure("westeurope"), count -> count == 2);

    deletePool("pool-c");

    world.until(() -> replicasInAzure("westeurope"), count -> count == 1);
    world.untilCondition(GalleryImageVersion.class, NAME, Conditions.READY, "True");
    assertThat(replicasInAzure("westeurope")).isEqualTo(1);
  }

  @Test
  void deletingAVersionInUseKeepsItUntilThePoolIsGone() {
    applyChainAndWaitUntilReady();
    world.apply(world.example("render-chain.yaml", "BatchPool"));
    world.until(
        () -> world.get(GalleryImageVersion.class, NAME),
        giv -> "True".equals(OperatorHarness.conditionStatus(giv, Conditions.IN_USE)));
    world.until(this::lockedInAzure, locked -> locked);

    kubectl.succeed("delete", "-n", world.namespace, "giv/" + NAME, "--wait=false");

    GalleryImageVersion blocked =
        world.until(
            () -> world.get(GalleryImageVersion.class, NAME),
            giv ->
                giv.getMetadata().getDeletionTimestamp() != null
                    && "DeletionBlocked".equals(reason(giv, Conditions.IN_USE)));
    assertThat(OperatorHarness.condition(blocked, Conditions.IN_USE).getMessage())
        .contains("BatchPool render-pool");
    assertThat(blocked.getStatus().getUsedBy())
        .extracting(u -> u.getName())
        .contains("render-pool");
    assertThat(world.eventReasons(NAME)).contains("DeletionBlocked");
    assertThat(world.azure.galleries().getVersion(VERSION)).isPresent();
    assertThat(lockedInAzure()).isTrue();
    assertThat(kubectl.succeed("get", "-n", world.namespace, "giv", NAME)).contains(NAME);

    deletePool("render-pool");

    world.untilGone(GalleryImageVersion.class, NAME);
    world.until(() -> world.azure.galleries().getVersion(VERSION), Optional::isEmpty);
    assertThat(world.azure.galleries().getImageDefinition(VERSION)).isPresent();
    assertThat(world.azure.galleries().getGalleryState(VERSION)).contains("Succeeded");
  }

  @Test
  void replicaCountsChangedInAzureArePutBack() {
    applyChainAndWaitUntilReady();

    world.admin().setReplicaCount(VERSION.resourceId(), "northeurope", 4);

    world.until(() -> replicasInAzure("northeurope"), count -> count == 1);
    world.untilCondition(GalleryImageVersion.class, NAME, Conditions.READY, "True");
  }

  @Test
  void aDefinitionOfAnotherOsTypeIsStalledAndNoVersionIsMade() {
    world.azure.galleries().ensureGallery(VERSION, OperatorHarness.LOCATION, Map.of());
    world.until(
        () -> world.azure.galleries().getGalleryState(VERSION), Optional.of("Succeeded")::equals);
    world
        .azure
        .galleries()
        .ensureImageDefinition(
            new ImageDefinitionSettings(
                VERSION,
                OperatorHarness.LOCATION,
                "Windows",
                "Generalized",
                "V2",
                "contoso",
                "render",
                "ubuntu-22-04"));
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));

    GalleryImageVersion stalled =
        world.untilCondition(GalleryImageVersion.class, NAME, Conditions.STALLED, "True");

    assertThat(OperatorHarness.condition(stalled, Conditions.STALLED).getMessage())
        .contains("osType Windows (the spec says Linux)");
    assertThat(OperatorHarness.conditionStatus(stalled, Conditions.READY)).isEqualTo("False");
    assertThat(world.eventReasons(NAME)).contains("ImageDefinitionDiffers");
    world.untilCondition(ManagedImage.class, IMAGE, Conditions.READY, "True");
    assertThat(world.azure.galleries().getVersion(VERSION)).isEmpty();
    assertThat(world.azure.galleries().getImageDefinition(VERSION).orElseThrow().osType())
        .isEqualTo("Windows");
  }

  private void applyChainAndWaitUntilReady() {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.untilCondition(GalleryImageVersion.class, NAME, Conditions.READY, "True");
  }

  private ObjectNode pool(String name, int dedicatedNodes) {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("metadata")).put("name", name);
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", dedicatedNodes);
    return pool;
  }

  private void deletePool(String name) {
    client.resources(BatchPool.class).inNamespace(world.namespace).withName(name).delete();
  }

  private int replicasInAzure(String region) {
    return world.azure.galleries().getVersion(VERSION).orElseThrow().targetRegions().stream()
        .filter(target -> target.region().equals(region))
        .mapToInt(ReplicaTarget::replicaCount)
        .findFirst()
        .orElse(0);
  }

  private boolean lockedInAzure() {
    return InUseLock.present(world.azure.locks().listLocks(VERSION.resourceId()));
  }

  private static String reason(GalleryImageVersion giv, String type) {
    return giv == null || OperatorHarness.condition(giv, type) == null
        ? null
        : OperatorHarness.condition(giv, type).getReason();
  }

  private static String uid(GalleryImageVersion giv) {
    return giv.getMetadata().getUid();
  }
}
