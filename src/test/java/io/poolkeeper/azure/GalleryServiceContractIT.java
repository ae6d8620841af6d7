package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.IMAGES_GROUP;
import static io.poolkeeper.azure.EmulatedAzure.LOCATION;
import static io.poolkeeper.azure.EmulatedAzure.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.azure.GalleryService.ImageDefinitionSettings;
import io.poolkeeper.azure.GalleryService.ImageVersionDefinition;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import io.poolkeeper.azure.GalleryService.ReplicationProgress;
import io.poolkeeper.emulator.EmulatorPerClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GalleryService} through the Azure SDK against the emulator. */
class GalleryServiceContractIT {

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private final EmulatedAzure azure = EmulatedAzure.on(emulated);
  private final GalleryService galleries = azure.clients.galleries();

  private final GalleryImageVersionRef version =
      new GalleryImageVersionRef(
          SUBSCRIPTION, IMAGES_GROUP, "render_gallery", "render-base", "1.0.0");
  private final ImageRef sourceImage = new ImageRef(SUBSCRIPTION, IMAGES_GROUP, "render-base");

  @BeforeEach
  void aManagedImageExists() {
    azure.clients.images().beginCreate(ManagedImageServiceContractIT.fromSnapshots(sourceImage));
    azure.advance(Duration.ofMinutes(30));
  }

  @Test
  void ensureCreatesAMissingGalleryAndDefinitionAndThenReportsThem() {
    assertThat(galleries.ensureGallery(version, LOCATION, Map.of())).isEqualTo("Creating");
    azure.advance(Duration.ofMinutes(10));
    assertThat(galleries.ensureGallery(version, LOCATION, Map.of())).isEqualTo("Succeeded");

    assertThat(galleries.ensureImageDefinition(definition())).isEqualTo("Creating");
    azure.advance(Duration.ofMinutes(10));
    assertThat(galleries.ensureImageDefinition(definition())).isEqualTo("Succeeded");
  }

  @Test
  void aGalleryStateIsEmptyUntilTheGalleryIsCreated() {
    assertThat(galleries.getGalleryState(version)).isEmpty();

    galleries.ensureGallery(version, LOCATION, Map.of());
    assertThat(galleries.getGalleryState(version)).contains("Creating");
    azure.advance(Duration.ofMinutes(10));

    assertThat(galleries.getGalleryState(version)).contains("Succeeded");
  }

  @Test
  void aVersionReplicatesToEveryTargetRegion() {
    createGalleryAndDefinition();

    galleries.beginCreateVersion(
        versionDefinition(
            List.of(
                new ReplicaTarget("westeurope", 1, "Standard_LRS"),
                new ReplicaTarget("northeurope", 2, "Standard_ZRS"))));

    ImageVersionInfo started = galleries.getVersion(version).orElseThrow();
    assertThat(started.provisioningState()).isIn("Creating", "Updating");
    assertThat(started.sourceImageId()).isEqualToIgnoringCase(sourceImage.resourceId());

    azure.advance(Duration.ofHours(2));

    ImageVersionInfo replicated = galleries.getVersion(version).orElseThrow();
    assertThat(replicated.provisioningState()).isEqualTo("Succeeded");
    assertThat(replicated.aggregatedReplicationState()).isEqualTo("Completed");
    assertThat(replicated.replication())
        .extracting(
            ReplicationProgress::region, ReplicationProgress::state, ReplicationProgress::progress)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("westeurope", "Completed", 100),
            org.assertj.core.groups.Tuple.tuple("northeurope", "Completed", 100));
    assertThat(replicated.targetRegions())
        .containsExactlyInAnyOrder(
            new ReplicaTarget("westeurope", 1, "Standard_LRS"),
            new ReplicaTarget("northeurope", 2, "Standard_ZRS"));
  }

  @Test
  void raisingAReplicaCountUpdatesTheVersion() {
    createGalleryAndDefinition();
    galleries.beginCreateVersion(
        versionDefinition(List.of(new ReplicaTarget("westeurope", 1, "Standard_LRS"))));
    azure.advance(Duration.ofHours(2));

    galleries.beginCreateVersion(
        versionDefinition(List.of(new ReplicaTarget("westeurope", 5, "Standard_LRS"))));
    azure.advance(Duration.ofHours(2));

    assertThat(galleries.getVersion(version).orElseThrow().targetRegions())
        .containsExactly(new ReplicaTarget("westeurope", 5, "Standard_LRS"));
  }

  @Test
  void changingReplicaCountsPatchesTheVersionWithoutItsSource() {
    createGalleryAndDefinition();
    galleries.beginCreateVersion(
        versionDefinition(List.of(new ReplicaTarget("westeurope", 1, "Standard_LRS"))));
    azure.advance(Duration.ofHours(2));
    azure.admin().resetRequestCounts();

    AzureOperation operation =
        galleries.beginUpdateVersion(
            new GalleryService.ImageVersionUpdate(
                version,
                List.of(
                    new ReplicaTarget("westeurope", 3, "Standard_LRS"),
                    new ReplicaTarget("northeurope", 1, "Standard_ZRS")),
                true,
                null,
                Map.of("team", "render"),
                null));
    azure.advance(Duration.ofHours(2));

    assertThat(azure.clients.operations().status(operation).state())
        .isEqualTo(OperationService.OperationState.SUCCEEDED);
    ImageVersionInfo updated = galleries.getVersion(version).orElseThrow();
    assertThat(updated.targetRegions())
        .containsExactlyInAnyOrder(
            new ReplicaTarget("westeurope", 3, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));
    assertThat(updated.excludeFromLatest()).isTrue();
    assertThat(updated.tags()).containsEntry("team", "render");
    assertThat(updated.sourceImageId()).isEqualToIgnoringCase(sourceImage.resourceId());
    assertThat(updated.replicatedTo("North Europe")).isTrue();
    assertThat(azure.admin().requestCounts())
        .containsEntry("PATCH Microsoft.Compute/galleries/images/versions", 1L)
        .doesNotContainKey("PUT Microsoft.Compute/galleries/images/versions");
  }

  @Test
  void theImageDefinitionTellsItsOsGenerationAndIdentifier() {
    createGalleryAndDefinition();

    GalleryService.ImageDefinitionInfo info = galleries.getImageDefinition(version).orElseThrow();

    assertThat(info.osType()).isEqualTo("Linux");
    assertThat(info.osState()).isEqualTo("Generalized");
    assertThat(info.hyperVGeneration()).isEqualTo("V2");
    assertThat(List.of(info.publisher(), info.offer(), info.sku()))
        .containsExactly("contoso", "render", "ubuntu-22-04");
  }

  @Test
  void aVersionInAMissingGalleryIsAMissingParent() {
    assertThatThrownBy(() -> galleries.getVersion(version))
        .isInstanceOfSatisfying(
            AzureException.NotFound.class, missing -> assertThat(missing.parentMissing()).isTrue());
  }

  @Test
  void deletingAVersionRemovesIt() {
    createGalleryAndDefinition();
    galleries.beginCreateVersion(
        versionDefinition(List.of(new ReplicaTarget("westeurope", 1, "Standard_LRS"))));
    azure.advance(Duration.ofHours(2));

    galleries.beginDeleteVersion(version);
    azure.advance(Duration.ofHours(1));

    assertThat(galleries.getVersion(version)).isEmpty();
  }

  @Test
  void aMissingVersionIsEmptyAndDeletingItIsDone() {
    createGalleryAndDefinition();

    assertThat(galleries.getVersion(version)).isEmpty();
    galleries.beginDeleteVersion(version);
  }

  private void createGalleryAndDefinition() {
    galleries.ensureGallery(version, LOCATION, Map.of());
    azure.advance(Duration.ofMinutes(10));
    galleries.ensureImageDefinition(definition());
    azure.advance(Duration.ofMinutes(10));
  }

  private ImageDefinitionSettings definition() {
    return new ImageDefinitionSettings(
        version, LOCATION, "Linux", "Generalized", "V2", "contoso", "render", "ubuntu-22-04");
  }

  private ImageVersionDefinition versionDefinition(List<ReplicaTarget> regions) {
    return new ImageVersionDefinition(
        version, LOCATION, sourceImage.resourceId(), regions, false, null, Map.of());
  }
}
