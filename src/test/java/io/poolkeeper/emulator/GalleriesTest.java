package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Galleries, image definitions and versions: creation order, replication, deletion order. */
class GalleriesTest {

  // Replication takes 10 simulated minutes per region.
  @RegisterExtension
  static final EmulatorPerClass emulator =
      EmulatorPerClass.seeded(
          EmulatorOptions.builder().replicationDuration(Duration.ofMinutes(10)).build());

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @BeforeEach
  void anImageExists() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);
  }

  @Test
  void galleryDefinitionAndVersionAreCreatedAsLongRunningOperations() {
    EmulatorClient.Reply gallery = client.put(GALLERY + GALLERY_API, gallery());
    assertThat(gallery.status()).isEqualTo(201);
    assertThat(gallery.header("Azure-AsyncOperation")).contains("/capsOperations/");
    assertThat(properties(gallery).path("identifier").path("uniqueName").asText())
        .isEqualTo(SUBSCRIPTION + "-RENDER_GALLERY");
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply definition = client.put(DEFINITION + GALLERY_API, definition());
    assertThat(definition.status()).isEqualTo(201);
    assertThat(properties(definition).path("provisioningState").asText()).isEqualTo("Creating");
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply version =
        client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "northeurope", "2"));
    assertThat(version.status()).isEqualTo(201);
    JsonNode publishing = properties(version).path("publishingProfile");
    assertThat(publishing.path("replicaCount").asInt()).isEqualTo(1);
    assertThat(publishing.path("excludeFromLatest").asBoolean()).isFalse();
    assertThat(properties(version).path("storageProfile").has("osDiskImage")).isFalse();

    azure.admin().advanceClock(AGES);
    JsonNode created = properties(client.get(VERSION + GALLERY_API));
    assertThat(created.path("provisioningState").asText()).isEqualTo("Succeeded");
    JsonNode osDiskImage = created.path("storageProfile").path("osDiskImage");
    assertThat(osDiskImage.path("sizeInGB").asInt()).isEqualTo(30);
    assertThat(osDiskImage.path("hostCaching").asText()).isEqualTo("ReadWrite");
    assertThat(created.path("storageProfile").path("dataDiskImages").get(0).path("lun").asInt())
        .isZero();
  }

  @Test
  void aVersionNeedsItsSourceImage() {
    createGalleryAndDefinition();

    EmulatorClient.Reply refused =
        client.put(VERSION + GALLERY_API, version(COMPUTE + "/images/missing", "westeurope", "1"));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.errorMessage()).isEqualTo("Resource missing is not found.");
  }

  @Test
  void aVersionNeedsItsDefinition() {
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply refused =
        client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.errorCode()).isEqualTo("ParentResourceNotFound");
    assertThat(refused.errorMessage())
        .isEqualTo(
            "Failed to perform 'write' on resource(s) of type"
                + " 'Microsoft.Compute/galleries/images/versions', because the parent resource '"
                + DEFINITION
                + "' could not be found.");
  }

  @Test
  void replicationStatusShowsPerRegionProgressOverSimulatedTime() {
    createGalleryAndDefinition();
    String operation =
        client
            .put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "northeurope", "2"))
            .header("Azure-AsyncOperation");

    azure.admin().advanceClock(Duration.ofMinutes(5));
    JsonNode halfway = replicationStatus();
    assertThat(halfway.path("aggregatedState").asText()).isEqualTo("InProgress");
    assertThat(halfway.path("summary").get(0).path("region").asText()).isEqualTo("West Europe");
    assertThat(halfway.path("summary").get(0).path("state").asText()).isEqualTo("Replicating");
    assertThat(halfway.path("summary").get(0).path("progress").asInt()).isEqualTo(50);
    assertThat(client.getUrl(operation).body().path("status").asText()).isEqualTo("InProgress");

    azure.admin().advanceClock(Duration.ofMinutes(5));
    JsonNode done = replicationStatus();
    assertThat(done.path("aggregatedState").asText()).isEqualTo("Completed");
    assertThat(done.path("summary").get(1).path("progress").asInt()).isEqualTo(100);
    assertThat(client.getUrl(operation).body().path("status").asText()).isEqualTo("Succeeded");
  }

  @Test
  void changingTargetRegionsReplicatesOnlyTheChangedOnes() {
    createGalleryAndDefinition();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "northeurope", "1"));
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply updated =
        client.patch(
            VERSION + GALLERY_API,
            json(
                """
                {"properties": {"publishingProfile": {"targetRegions": [
                  {"name": "westeurope", "regionalReplicaCount": 1, "storageAccountType": "Standard_LRS"},
                  {"name": "northeurope", "regionalReplicaCount": 3, "storageAccountType": "Standard_LRS"},
                  {"name": "eastus", "regionalReplicaCount": 1}]}}}
                """));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(properties(updated).path("provisioningState").asText()).isEqualTo("Updating");

    azure.admin().advanceClock(Duration.ofMinutes(5));
    JsonNode summary = replicationStatus().path("summary");
    assertThat(summary.get(0).path("state").asText()).isEqualTo("Completed");
    assertThat(summary.get(1).path("state").asText()).isEqualTo("Replicating");
    assertThat(summary.get(2).path("state").asText()).isEqualTo("Replicating");

    EmulatorClient.Reply drift = client.get(VERSION + GALLERY_API);
    assertThat(
            properties(drift)
                .path("publishingProfile")
                .path("targetRegions")
                .get(1)
                .path("regionalReplicaCount")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void nestedResourcesMustBeDeletedFromTheBottomUp() {
    createGalleryAndDefinition();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply definitionRefused = client.delete(DEFINITION + GALLERY_API);
    assertThat(definitionRefused.status()).isEqualTo(409);
    assertThat(definitionRefused.errorCode()).isEqualTo("CannotDeleteResource");
    assertThat(definitionRefused.errorMessage())
        .startsWith("Cannot delete resource while nested resources exist.")
        .contains(VERSION);
    EmulatorClient.Reply galleryRefused = client.delete(GALLERY + GALLERY_API);
    assertThat(galleryRefused.status()).isEqualTo(409);
    assertThat(galleryRefused.errorMessage()).contains(DEFINITION);

    assertThat(client.delete(VERSION + GALLERY_API).status()).isEqualTo(202);
    azure.admin().advanceClock(AGES);
    assertThat(client.delete(DEFINITION + GALLERY_API).status()).isEqualTo(202);
    azure.admin().advanceClock(AGES);
    assertThat(client.delete(GALLERY + GALLERY_API).status()).isEqualTo(202);
    azure.admin().advanceClock(AGES);
    assertThat(client.get(GALLERY + GALLERY_API).status()).isEqualTo(404);
  }

  @Test
  void aVersionKeepsWorkingAfterItsSourceImageIsDeleted() {
    createGalleryAndDefinition();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    azure.admin().advanceClock(AGES);

    client.delete(IMAGE + IMAGES_API);
    azure.admin().advanceClock(AGES);

    JsonNode version = properties(client.get(VERSION + GALLERY_API));
    assertThat(version.path("provisioningState").asText()).isEqualTo("Succeeded");
  }

  @Test
  void versionsAreListedUnderTheirDefinition() {
    createGalleryAndDefinition();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    client.put(DEFINITION + "/versions/1.0.1" + GALLERY_API, version(IMAGE, "westeurope", "1"));

    JsonNode list = client.get(DEFINITION + "/versions" + GALLERY_API).body();

    assertThat(list.path("value"))
        .extracting(node -> node.path("name").asText())
        .containsExactly("1.0.0", "1.0.1");
  }

  // Compute answers display names whatever the request used: GalleryRP/2025-03-03
  // GalleryImageVersion_Create.json and the SharedGalleryImageTests recording.
  @Test
  void targetRegionsAreAnsweredWithDisplayNames() {
    createGalleryAndDefinition();

    EmulatorClient.Reply created =
        client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "EastUS2", "1"));
    azure.admin().advanceClock(Duration.ofMinutes(5));

    assertThat(created.body().path("location").asText()).isEqualTo("westeurope");
    JsonNode regions = properties(created).path("publishingProfile").path("targetRegions");
    assertThat(regions)
        .extracting(r -> r.path("name").asText())
        .containsExactly("West Europe", "East US 2");
    assertThat(replicationStatus().path("summary"))
        .extracting(r -> r.path("region").asText())
        .containsExactly("West Europe", "East US 2");
  }

  @Test
  void anUnknownRegionIsEchoedAsGiven() {
    createGalleryAndDefinition();

    EmulatorClient.Reply created =
        client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "moonbase1", "1"));

    assertThat(
            properties(created)
                .path("publishingProfile")
                .path("targetRegions")
                .get(1)
                .path("name")
                .asText())
        .isEqualTo("moonbase1");
  }

  // Microsoft's Azure IaaS VM supportability wiki, "Attributes for Image Gallery Definition &
  // Version": "Target regions ... Source region must be included" (and DOMAIN.md).
  @Test
  void aVersionMustTargetItsOwnLocation() {
    createGalleryAndDefinition();

    EmulatorClient.Reply refused =
        client.put(VERSION + GALLERY_API, version(IMAGE, "northeurope", "1"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidParameter");
    assertThat(refused.body().path("error").path("target").asText())
        .isEqualTo("galleryImageVersion.properties.publishingProfile.targetRegions");
    assertThat(refused.errorMessage()).contains("'West Europe'");
  }

  // terraform-provider-azurerm issues 7751 and 12332: Compute's InvalidParameter for a region
  // listed
  // twice, including as two spellings.
  @Test
  void aRegionListedTwiceIsRefused() {
    createGalleryAndDefinition();

    EmulatorClient.Reply refused =
        client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "West Europe", "2"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage())
        .isEqualTo("Duplicate regions are not allowed in target publishing regions.");
  }

  // GalleryImageVersionSafetyProfile.allowDeletionOfReplicatedLocations ("Indicates whether or not
  // removing this Gallery Image Version from replicated regions is allowed"); the SDK sets it when
  // it removes a region (SharedGalleryImageTests recording, request #44).
  @Test
  void removingAReplicatedRegionNeedsTheSafetyProfilesConsent() {
    createGalleryAndDefinition();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1", "northeurope", "1"));
    azure.admin().advanceClock(AGES);
    String onlyHome =
        """
        {"properties": {"publishingProfile": {"targetRegions": [
          {"name": "westeurope", "regionalReplicaCount": 1}]}%s}}
        """;

    EmulatorClient.Reply refused =
        client.patch(VERSION + GALLERY_API, json(onlyHome.formatted("")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidParameter");
    assertThat(refused.body().path("error").path("target").asText())
        .isEqualTo(
            "galleryImageVersion.properties.safetyProfile.allowDeletionOfReplicatedLocations");
    assertThat(refused.errorMessage()).contains("'North Europe'");

    EmulatorClient.Reply allowed =
        client.patch(
            VERSION + GALLERY_API,
            json(
                onlyHome.formatted(
                    ", \"safetyProfile\": {\"allowDeletionOfReplicatedLocations\": true}")));
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(properties(allowed).path("publishingProfile").path("targetRegions")).hasSize(1);
  }

  @Test
  void aRegionStillReplicatingCanBeRemoved() {
    createGalleryAndDefinition();
    client.put(VERSION + GALLERY_API, version(IMAGE, "westeurope", "1"));
    azure.admin().advanceClock(AGES);
    client.patch(
        VERSION + GALLERY_API,
        json(
            """
            {"properties": {"publishingProfile": {"targetRegions": [
              {"name": "westeurope", "regionalReplicaCount": 1}, {"name": "eastus", "regionalReplicaCount": 1}]}}}
            """));
    azure.admin().advanceClock(Duration.ofMinutes(2));

    EmulatorClient.Reply removed =
        client.patch(
            VERSION + GALLERY_API,
            json(
                """
                {"properties": {"publishingProfile": {"targetRegions": [
                  {"name": "westeurope", "regionalReplicaCount": 1}]}}}
                """));

    assertThat(removed.status()).isEqualTo(200);
  }

  private JsonNode replicationStatus() {
    return properties(client.get(VERSION + GALLERY_API + "&%24expand=ReplicationStatus"))
        .path("replicationStatus");
  }

  private void createGalleryAndDefinition() {
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);
    client.put(DEFINITION + GALLERY_API, definition());
    azure.admin().advanceClock(AGES);
  }
}
