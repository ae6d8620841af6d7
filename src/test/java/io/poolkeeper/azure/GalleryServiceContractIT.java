package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.IMAGES_GROUP;
import static io.poolkeeper.azure.EmulatedAzure.LOCATION;
import static io.poolkeeper.azure.EmulatedAzure.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.azure.GalleryService.ImageDefinition;
import io.poolkeeper.azure.GalleryService.ImageVersionDefinition;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.RegionReplication;
import io.poolkeeper.azure.GalleryService.TargetRegion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GalleryService} through the Azure SDK against the emulator. */
class GalleryServiceContractIT {

  @RegisterExtension static final EmulatedAzurePerClass emulated = new EmulatedAzurePerClass();

  private final EmulatedAzure azure = emulated.azure();
  private final GalleryService galleries = azure.clients.galleries();

  private final GalleryImageVersionRef version =
      new GalleryImageVersionRef(
          SUBSCRIPTION, IMAGES_GROUP, "render_gallery", "render-base", "1.0.0");
  private final ImageRef sourceImage = new ImageRef(SUBSCRIPTION, IMAGES_GROUP, "render-base");

  @BeforeEach
  void aManagedImageExists() {
    azure
        .clients
        .images()
        .beginCreateOrUpdate(ManagedImageServiceContractIT.fromSnapshots(sourceImage));
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
  void aVersionReplicatesToEveryTargetRegion() {
    createGalleryAndDefinition();

    galleries.beginCreateOrUpdateVersion(
        versionDefinition(
            List.of(
                new TargetRegion("westeurope", 1, "Standard_LRS"),
                new TargetRegion("northeurope", 2, "Standard_ZRS"))));

    ImageVersionInfo started = galleries.getVersion(version).orElseThrow();
    assertThat(started.provisioningState()).isIn("Creating", "Updating");
    assertThat(started.sourceImageId()).isEqualToIgnoringCase(sourceImage.resourceId());

    azure.advance(Duration.ofHours(2));

    ImageVersionInfo replicated = galleries.getVersion(version).orElseThrow();
    assertThat(replicated.provisioningState()).isEqualTo("Succeeded");
    assertThat(replicated.aggregatedReplicationState()).isEqualTo("Completed");
    assertThat(replicated.replication())
        .extracting(
            RegionReplication::region, RegionReplication::state, RegionReplication::progress)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("westeurope", "Completed", 100),
            org.assertj.core.groups.Tuple.tuple("northeurope", "Completed", 100));
    assertThat(replicated.targetRegions())
        .containsExactlyInAnyOrder(
            new TargetRegion("westeurope", 1, "Standard_LRS"),
            new TargetRegion("northeurope", 2, "Standard_ZRS"));
  }

  @Test
  void raisingAReplicaCountUpdatesTheVersion() {
    createGalleryAndDefinition();
    galleries.beginCreateOrUpdateVersion(
        versionDefinition(List.of(new TargetRegion("westeurope", 1, "Standard_LRS"))));
    azure.advance(Duration.ofHours(2));

    galleries.beginCreateOrUpdateVersion(
        versionDefinition(List.of(new TargetRegion("westeurope", 5, "Standard_LRS"))));
    azure.advance(Duration.ofHours(2));

    assertThat(galleries.getVersion(version).orElseThrow().targetRegions())
        .containsExactly(new TargetRegion("westeurope", 5, "Standard_LRS"));
  }

  @Test
  void deletingAVersionRemovesIt() {
    createGalleryAndDefinition();
    galleries.beginCreateOrUpdateVersion(
        versionDefinition(List.of(new TargetRegion("westeurope", 1, "Standard_LRS"))));
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

  private ImageDefinition definition() {
    return new ImageDefinition(
        version, LOCATION, "Linux", "Generalized", "V2", "contoso", "render", "ubuntu-22-04");
  }

  private ImageVersionDefinition versionDefinition(List<TargetRegion> regions) {
    return new ImageVersionDefinition(
        version, LOCATION, sourceImage.resourceId(), regions, false, null, Map.of());
  }
}
