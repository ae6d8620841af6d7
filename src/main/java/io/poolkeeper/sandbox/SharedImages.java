package io.poolkeeper.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.UserError;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Gallery image versions published by someone else (another team's pipeline), which the seed names
 * and Poolkeeper only reads: made the way that pipeline would, with ordinary ARM requests to the
 * emulator (a managed image from a seeded snapshot, the gallery, the image definition, the
 * version), the clock moved on after each so that every one has finished before the sandbox goes
 * on.
 */
final class SharedImages {

  /** Longer than the emulator takes to provision or replicate anything at its defaults. */
  private static final Duration SETTLE = Duration.ofHours(1);

  private final AzureEmulator emulator;
  private final HttpClient http;

  SharedImages(AzureEmulator emulator) {
    this.emulator = emulator;
    this.http = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).build();
  }

  /** Publishes one version; {@code groupId} is its resource group's ID. */
  void publish(String groupId, String location, SandboxSeed.GalleryImageVersion version) {
    String compute = groupId + "/providers/Microsoft.Compute";
    String imageId =
        compute + "/images/" + version.image() + "-" + version.version().replace('.', '-');
    String snapshotId = compute + "/snapshots/" + version.snapshot();
    String osType = version.osType() == null ? "Linux" : version.osType();
    String generation = version.hyperVGeneration() == null ? "V2" : version.hyperVGeneration();

    ObjectNode image = EmulatorJson.object().put("location", location);
    ObjectNode imageProperties = image.putObject("properties").put("hyperVGeneration", generation);
    imageProperties
        .putObject("storageProfile")
        .putObject("osDisk")
        .put("osType", osType)
        .put("osState", "Generalized")
        .putObject("snapshot")
        .put("id", snapshotId);
    put(imageId, ApiVersions.IMAGES_SDK, image);

    String galleryId = compute + "/galleries/" + version.gallery();
    ObjectNode gallery = EmulatorJson.object().put("location", location);
    gallery.putObject("properties").put("description", "Published outside Poolkeeper");
    put(galleryId, ApiVersions.GALLERIES_SDK, gallery);

    String definitionId = galleryId + "/images/" + version.image();
    ObjectNode definition = EmulatorJson.object().put("location", location);
    ObjectNode definitionProperties =
        definition
            .putObject("properties")
            .put("osType", osType)
            .put("osState", "Generalized")
            .put("hyperVGeneration", generation);
    definitionProperties
        .putObject("identifier")
        .put("publisher", "shared")
        .put("offer", version.gallery())
        .put("sku", version.image());
    if (version.securityType() != null) {
      definitionProperties
          .putArray("features")
          .addObject()
          .put("name", "SecurityType")
          .put("value", version.securityType());
    }
    put(definitionId, ApiVersions.GALLERIES_SDK, definition);

    ObjectNode body = EmulatorJson.object().put("location", location);
    ObjectNode properties = body.putObject("properties");
    ArrayNode regions = properties.putObject("publishingProfile").putArray("targetRegions");
    List<String> targetRegions =
        version.regions() == null || version.regions().isEmpty()
            ? List.of(location)
            : version.regions();
    for (String region : targetRegions) {
      regions
          .addObject()
          .put("name", region)
          .put("regionalReplicaCount", 1)
          .put("storageAccountType", "Standard_LRS");
    }
    properties.putObject("storageProfile").putObject("source").put("id", imageId);
    put(definitionId + "/versions/" + version.version(), ApiVersions.GALLERIES_SDK, body);
  }

  private void put(String resourceId, String apiVersion, ObjectNode body) {
    URI uri = emulator.endpoint().resolve(resourceId.substring(1) + "?api-version=" + apiVersion);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer sandbox-seed")
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new UserError(
            "the seed's gallery image version cannot be made: PUT "
                + resourceId
                + " answered "
                + response.statusCode()
                + " "
                + response.body());
      }
    } catch (IOException e) {
      throw new UserError("cannot reach the emulator to seed " + resourceId + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while seeding " + resourceId);
    }
    emulator.admin().advanceClock(SETTLE);
  }
}
