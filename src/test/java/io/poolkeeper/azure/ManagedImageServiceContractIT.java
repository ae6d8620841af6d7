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
import io.poolkeeper.emulator.EmulatorPerClass;
import io.poolkeeper.emulator.ProvisioningFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ManagedImageService} through the Azure SDK against the emulator. */
class ManagedImageServiceContractIT {

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private final EmulatedAzure azure = EmulatedAzure.on(emulated);
  private final ManagedImageService images = azure.clients.images();
  private final OperationService operations = azure.clients.operations();

  private final ImageRef image = new ImageRef(SUBSCRIPTION, IMAGES_GROUP, "render-base");

  @Test
  void imageFromSnapshotsIsCreatingThenSucceeded() {
    images.beginCreate(fromSnapshots(image));

    ManagedImageInfo creating = images.get(image).orElseThrow();
    assertThat(creating.provisioningState()).isEqualTo("Creating");
    assertThat(creating.id()).isEqualToIgnoringCase(image.resourceId());

    azure.advance(Duration.ofMinutes(30));

    ManagedImageInfo created = images.get(image).orElseThrow();
    assertThat(created.provisioningState()).isEqualTo("Succeeded");
    assertThat(created.osDiskSnapshotId()).isEqualToIgnoringCase(OS_SNAPSHOT);
    assertThat(created.dataDisks()).containsExactly(new DataDiskSnapshot(0, DATA_SNAPSHOT));
    assertThat(created.hyperVGeneration()).isEqualTo("V2");
    assertThat(created.tags()).containsEntry("poolkeeper-owner", "render/render-base/uid-1");
  }

  @Test
  void theCreateOperationIsFollowedUntilItSucceeded() {
    AzureOperation operation = images.beginCreate(fromSnapshots(image));

    assertThat(operation.polling()).isEqualTo(AzureOperation.Polling.ASYNC_OPERATION);
    assertThat(operations.status(operation).state())
        .isEqualTo(OperationService.OperationState.IN_PROGRESS);
    azure.advance(Duration.ofMinutes(30));
    assertThat(operations.status(operation).state())
        .isEqualTo(OperationService.OperationState.SUCCEEDED);
  }

  @Test
  void aFailedCreateTellsAzuresCodeAndMessage() {
    azure
        .admin()
        .failNextProvisioning(
            new ProvisioningFailure(
                image.resourceId(), "InternalOperationError", "Disk copy failed."));

    AzureOperation operation = images.beginCreate(fromSnapshots(image));
    azure.advance(Duration.ofMinutes(30));

    OperationService.OperationStatus status = operations.status(operation);
    assertThat(status.state()).isEqualTo(OperationService.OperationState.FAILED);
    assertThat(status.errorCode()).isEqualTo("InternalOperationError");
    assertThat(status.errorMessage()).contains("Disk copy failed.");
    assertThat(images.get(image).orElseThrow().provisioningState()).isEqualTo("Failed");
  }

  @Test
  void theImageTellsItsOsTypeStateAndGeneration() {
    images.beginCreate(fromSnapshots(image));
    azure.advance(Duration.ofMinutes(30));

    ManagedImageInfo created = images.get(image).orElseThrow();

    assertThat(created.osType()).isEqualTo("Linux");
    assertThat(created.osState()).isEqualTo("Generalized");
    assertThat(created.hyperVGeneration()).isEqualTo("V2");
    assertThat(created.location()).isEqualTo(LOCATION);
  }

  @Test
  void changingTagsPatchesTheTagsAndNeverSendsTheSourceAgain() {
    images.beginCreate(fromSnapshots(image));
    azure.advance(Duration.ofMinutes(30));
    azure.admin().resetRequestCounts();

    AzureOperation operation =
        images.beginUpdateTags(
            image, Map.of("poolkeeper-owner", "render/render-base/uid-1", "team", "render"));
    azure.advance(Duration.ofMinutes(30));

    assertThat(operations.status(operation).state())
        .isEqualTo(OperationService.OperationState.SUCCEEDED);
    assertThat(images.get(image).orElseThrow().tags()).containsEntry("team", "render");
    assertThat(azure.admin().requestCounts())
        .containsEntry("PATCH Microsoft.Compute/images", 1L)
        .doesNotContainKey("PUT Microsoft.Compute/images");
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

    images.beginCreate(
        new ManagedImageDefinition(
            image, LOCATION, "V1", new VirtualMachineSource(vmId), Map.of()));
    azure.advance(Duration.ofMinutes(30));

    assertThat(images.get(image).orElseThrow().provisioningState()).isEqualTo("Succeeded");
  }

  @Test
  void imageFromAVhd() {
    images.beginCreate(
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
    images.beginCreate(fromSnapshots(image));
    azure.advance(Duration.ofMinutes(30));

    images.beginDelete(image);
    azure.advance(Duration.ofMinutes(30));

    assertThat(images.get(image)).isEmpty();
  }

  @Test
  void deletingAMissingImageIsDone() {
    assertThat(images.beginDelete(image)).isEqualTo(AzureOperation.completed());

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

    assertThatThrownBy(() -> images.beginCreate(definition))
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
        Map.of("poolkeeper-owner", "render/render-base/uid-1"));
  }
}
