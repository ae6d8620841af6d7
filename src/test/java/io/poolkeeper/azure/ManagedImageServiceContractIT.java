package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.DATA_SNAPSHOT;
import static io.poolkeeper.azure.EmulatedAzure.IMAGES_GROUP;
import static io.poolkeeper.azure.EmulatedAzure.LOCATION;
import static io.poolkeeper.azure.EmulatedAzure.OS_SNAPSHOT;
import static io.poolkeeper.azure.EmulatedAzure.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.azure.ManagedImageService.DataDiskSnapshot;
import io.poolkeeper.azure.ManagedImageService.ManagedImageDefinition;
import io.poolkeeper.azure.ManagedImageService.ManagedImageInfo;
import io.poolkeeper.azure.ManagedImageService.SnapshotSource;
import io.poolkeeper.azure.ManagedImageService.VhdSource;
import io.poolkeeper.azure.ManagedImageService.VirtualMachineSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ManagedImageService} through the Azure SDK against the emulator. */
class ManagedImageServiceContractIT {

  @RegisterExtension static final EmulatedAzurePerClass emulated = new EmulatedAzurePerClass();

  private final EmulatedAzure azure = emulated.azure();
  private final ManagedImageService images = azure.clients.images();

  private final ImageRef image = new ImageRef(SUBSCRIPTION, IMAGES_GROUP, "render-base");

  @Test
  void imageFromSnapshotsIsCreatingThenSucceeded() {
    images.beginCreateOrUpdate(fromSnapshots(image));

    ManagedImageInfo creating = images.get(image).orElseThrow();
    assertThat(creating.provisioningState()).isEqualTo("Creating");
    assertThat(creating.id()).isEqualToIgnoringCase(image.resourceId());

    azure.advance(Duration.ofMinutes(30));

    ManagedImageInfo created = images.get(image).orElseThrow();
    assertThat(created.provisioningState()).isEqualTo("Succeeded");
    assertThat(created.osDiskSnapshotId()).isEqualToIgnoringCase(OS_SNAPSHOT);
    assertThat(created.dataDisks()).containsExactly(new DataDiskSnapshot(0, DATA_SNAPSHOT));
    assertThat(created.hyperVGeneration()).isEqualTo("V2");
    assertThat(created.tags()).containsEntry("poolkeeper.io/owner", "render/render-base/uid-1");
  }

  @Test
  void imageFromAGeneralizedVirtualMachine() {
    String vmId =
        AzureResourceIds.resourceGroup(SUBSCRIPTION, IMAGES_GROUP)
            + "/providers/Microsoft.Compute/virtualMachines/render-vm";
    azure
        .admin()
        .addReferencedResource(
            vmId, LOCATION, json("{\"storageProfile\": {\"osDisk\": {\"osType\": \"Linux\"}}}"));

    images.beginCreateOrUpdate(
        new ManagedImageDefinition(
            image, LOCATION, "V1", new VirtualMachineSource(vmId), Map.of()));
    azure.advance(Duration.ofMinutes(30));

    assertThat(images.get(image).orElseThrow().provisioningState()).isEqualTo("Succeeded");
  }

  @Test
  void imageFromAVhd() {
    images.beginCreateOrUpdate(
        new ManagedImageDefinition(
            image,
            LOCATION,
            "V1",
            new VhdSource("https://renderimages.blob.core.windows.net/vhds/render-os.vhd", "Linux"),
            Map.of()));
    azure.advance(Duration.ofMinutes(30));

    assertThat(images.get(image).orElseThrow().provisioningState()).isEqualTo("Succeeded");
  }

  @Test
  void aMissingImageIsEmpty() {
    assertThat(images.get(image)).isEmpty();
  }

  @Test
  void deletingRemovesTheImageOnceTheOperationIsDone() {
    images.beginCreateOrUpdate(fromSnapshots(image));
    azure.advance(Duration.ofMinutes(30));

    images.beginDelete(image);
    azure.advance(Duration.ofMinutes(30));

    assertThat(images.get(image)).isEmpty();
  }

  @Test
  void deletingAMissingImageIsDone() {
    images.beginDelete(image);

    assertThat(images.get(image)).isEmpty();
  }

  @Test
  void anImageFromAMissingSnapshotIsRefused() {
    ManagedImageDefinition definition =
        new ManagedImageDefinition(
            image,
            LOCATION,
            "V2",
            new SnapshotSource(
                EmulatedAzure.snapshotId("no-such-snapshot"), "Linux", "Generalized", List.of()),
            Map.of());

    assertThatThrownBy(() -> images.beginCreateOrUpdate(definition))
        .isInstanceOf(AzureException.NotFound.class)
        .hasMessageContaining("no-such-snapshot");
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ManagedImageDefinition fromSnapshots(ImageRef image) {
    return new ManagedImageDefinition(
        image,
        LOCATION,
        "V2",
        new SnapshotSource(
            OS_SNAPSHOT, "Linux", "Generalized", List.of(new DataDiskSnapshot(0, DATA_SNAPSHOT))),
        Map.of("poolkeeper.io/owner", "render/render-base/uid-1"));
  }
}
