package io.poolkeeper.managedimage;

import static io.poolkeeper.operator.OperatorHarness.IMAGES_GROUP;
import static io.poolkeeper.operator.OperatorHarness.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.azure.ImageRef;
import io.poolkeeper.azure.ManagedImageService.ManagedImageDefinition;
import io.poolkeeper.azure.ManagedImageService.ManagedImageInfo;
import io.poolkeeper.azure.ManagedImageService.SnapshotSource;
import io.poolkeeper.emulator.ArmOutcome;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.InUseLock;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OwnerTag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ManagedImage controller on the real API server with the Azure emulator: what kubectl shows
 * and what Azure holds.
 */
@ExtendWith(RealApiServer.class)
class ManagedImageReconcilerIT {

  private static final String NAME = "render-base-2026-11";
  private static final ImageRef IMAGE = new ImageRef(SUBSCRIPTION, IMAGES_GROUP, NAME);

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private OperatorHarness world;

  ManagedImageReconcilerIT(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  @BeforeEach
  void startWorld() {
    world = OperatorHarness.start(client, kubectl, "mi");
  }

  @AfterEach
  void stopWorld() {
    world.close();
  }

  @Test
  void theExampleImageBecomesReadyAndAzureHoldsItTagged() {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));

    ManagedImage ready = world.untilCondition(ManagedImage.class, NAME, Conditions.READY, "True");

    assertThat(ready.getStatus().getProvisioningState()).isEqualTo("Succeeded");
    assertThat(ready.getStatus().getImageResourceId()).isEqualTo(IMAGE.resourceId());
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(OperatorHarness.conditionStatus(ready, Conditions.STALLED)).isEqualTo("False");
    assertThat(OperatorHarness.conditionStatus(ready, Conditions.IN_USE)).isEqualTo("False");
    ManagedImageInfo image = world.azure.images().get(IMAGE).orElseThrow();
    assertThat(image.tags())
        .containsEntry("team", "render")
        .containsEntry(
            OwnerTag.KEY, world.namespace + "/" + NAME + "/" + ready.getMetadata().getUid());
    assertThat(image.osDiskSnapshotId())
        .isEqualToIgnoringCase(OperatorHarness.snapshotId("render-os"));
    assertThat(world.eventReasons(NAME)).contains("Creating");
    assertThat(
            kubectl.succeed(
                "wait",
                "-n",
                world.namespace,
                "--for=condition=Ready",
                "mi/" + NAME,
                "--timeout=5s"))
        .contains("condition met");
  }

  @Test
  void deletingAnImageInUseKeepsItUntilTheLastUserIsGone() {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.until(
        () -> world.get(ManagedImage.class, NAME),
        mi ->
            "True".equals(OperatorHarness.conditionStatus(mi, Conditions.IN_USE))
                && "True".equals(OperatorHarness.conditionStatus(mi, Conditions.READY)));
    world.until(() -> lockedInAzure(), locked -> locked);

    kubectl.succeed("delete", "-n", world.namespace, "mi/" + NAME, "--wait=false");

    ManagedImage blocked =
        world.until(
            () -> world.get(ManagedImage.class, NAME),
            mi ->
                mi.getMetadata().getDeletionTimestamp() != null
                    && "DeletionBlocked"
                        .equals(OperatorHarness.condition(mi, Conditions.IN_USE).getReason()));
    assertThat(OperatorHarness.condition(blocked, Conditions.IN_USE).getMessage())
        .contains("GalleryImageVersion render-base-1-0-0");
    assertThat(world.eventReasons(NAME)).contains("DeletionBlocked");
    assertThat(world.azure.images().get(IMAGE)).isPresent();
    assertThat(lockedInAzure()).isTrue();
    assertThat(kubectl.succeed("get", "-n", world.namespace, "mi", NAME)).contains(NAME);

    deleteVersion();

    world.untilGone(ManagedImage.class, NAME);
    world.until(() -> world.azure.images().get(IMAGE), Optional::isEmpty);
  }

  @Test
  void withRetainTheImageStaysInAzureUnlocked() {
    ObjectNode image = world.example("render-chain.yaml", "ManagedImage");
    ((ObjectNode) image.get("spec")).put("deletionPolicy", "Retain");
    world.apply(image);
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.until(() -> lockedInAzure(), locked -> locked);

    kubectl.succeed("delete", "-n", world.namespace, "mi/" + NAME, "--wait=false");
    deleteVersion();

    world.untilGone(ManagedImage.class, NAME);
    assertThat(world.azure.images().get(IMAGE)).isPresent();
    assertThat(lockedInAzure()).isFalse();
    assertThat(world.eventReasons(NAME)).contains("Retained");
  }

  @Test
  void anImageInUseCannotBeDeletedOutOfBandWhileLocked() {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.until(() -> lockedInAzure(), locked -> locked);

    ArmOutcome outcome = world.admin().deleteResource(IMAGE.resourceId());

    assertThat(outcome.status()).isEqualTo(409);
    assertThat(outcome.body().toString()).contains("ScopeLocked");
    assertThat(world.azure.images().get(IMAGE)).isPresent();
  }

  @Test
  void withoutLocksAnImageDeletedOutOfBandIsRecreated() {
    world.startOperator(false);
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
    world.untilCondition(ManagedImage.class, NAME, Conditions.READY, "True");
    assertThat(lockedInAzure()).isFalse();

    assertThat(world.admin().deleteResource(IMAGE.resourceId()).status()).isEqualTo(202);

    world.until(() -> world.eventReasons(NAME), reasons -> reasons.contains("Recreating"));
    world.until(
        () -> world.azure.images().get(IMAGE),
        found -> found.isPresent() && "Succeeded".equals(found.get().provisioningState()));
    world.untilCondition(ManagedImage.class, NAME, Conditions.READY, "True");
  }

  @Test
  void anUntaggedImageIsAdoptedOnlyWhenTheObjectAsks() {
    world
        .azure
        .images()
        .beginCreate(
            new ManagedImageDefinition(
                IMAGE,
                OperatorHarness.LOCATION,
                "V2",
                new SnapshotSource(
                    OperatorHarness.snapshotId("render-os"),
                    "Linux",
                    "Generalized",
                    List.of(
                        new io.poolkeeper.azure.ManagedImageService.DataDiskSnapshot(
                            0, OperatorHarness.snapshotId("render-data0")))),
                Map.of("made-by", "packer")));
    world.until(
        () -> world.azure.images().get(IMAGE).orElseThrow().provisioningState(),
        "Succeeded"::equals);

    world.apply(world.example("render-chain.yaml", "ManagedImage"));

    ManagedImage stalled =
        world.untilCondition(ManagedImage.class, NAME, Conditions.STALLED, "True");
    assertThat(OperatorHarness.condition(stalled, Conditions.STALLED).getMessage())
        .contains("poolkeeper.io/adopt");
    assertThat(world.azure.images().get(IMAGE).orElseThrow().tags())
        .containsExactly(Map.entry("made-by", "packer"));

    kubectl.succeed(
        "annotate", "-n", world.namespace, "mi/" + NAME, OwnerTag.ADOPT_ANNOTATION + "=true");

    world.untilCondition(ManagedImage.class, NAME, Conditions.READY, "True");
    assertThat(world.azure.images().get(IMAGE).orElseThrow().tags())
        .containsKey(OwnerTag.KEY)
        .containsEntry("team", "render");
    assertThat(world.eventReasons(NAME)).contains("Adopted");
  }

  @Test
  void tagsChangedInAzureArePutBack() {
    world.apply(world.example("render-chain.yaml", "ManagedImage"));
    world.untilCondition(ManagedImage.class, NAME, Conditions.READY, "True");

    world.admin().setTags(IMAGE.resourceId(), Map.of("team", "someone-else"));

    world.until(
        () -> world.azure.images().get(IMAGE).orElseThrow().tags(),
        tags -> "render".equals(tags.get("team")) && tags.containsKey(OwnerTag.KEY));
  }

  private boolean lockedInAzure() {
    return InUseLock.present(world.azure.locks().listLocks(IMAGE.resourceId()));
  }

  private void deleteVersion() {
    client
        .resources(GalleryImageVersion.class)
        .inNamespace(world.namespace)
        .withName("render-base-1-0-0")
        .delete();
  }
}
