package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.AzureRegions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.LongRunningOperation;
import io.poolkeeper.emulator.arm.ResourceId;
import io.poolkeeper.emulator.arm.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Microsoft.Compute/galleries/images/versions}: image versions made from a managed image (or
 * snapshots), replicated to target regions. The source must exist when the version is created and
 * cannot change later. The target regions must include the version's location, are answered with
 * display names and cannot drop a replicated region without the safety profile's consent. Creating
 * or updating completes when every new or changed region has replicated; {@code
 * $expand=ReplicationStatus} shows per-region progress meanwhile.
 */
public final class GalleryImageVersionHandler extends ComputeResourceHandler {

  public static final String TYPE = "Microsoft.Compute/galleries/images/versions";
  private static final int MAX_REPLICAS_PER_REGION = 100;
  private static final String TARGET_REGIONS =
      "galleryImageVersion.properties.publishingProfile.targetRegions";

  public GalleryImageVersionHandler(EmulatorState state) {
    super(state, TYPE, ApiVersions.GALLERIES, LongRunningOperation.Kind.GALLERY);
  }

  @Override
  ArmResource newResource(ResourceId id, ObjectNode document) {
    return new GalleryImageVersionResource(id, document);
  }

  @Override
  Instant provisioningEnds(ArmResource resource, Instant now) {
    Instant replicated =
        ((GalleryImageVersionResource) resource)
            .replicate(now, state.options().replicationDuration());
    Instant provisioned = now.plus(state.options().provisioningDuration());
    return replicated.isAfter(provisioned) ? replicated : provisioned;
  }

  @Override
  ObjectNode buildDocument(ArmRequest request, ResourceId id, ArmResource existing) {
    ObjectNode body = request.bodyObject();
    ObjectNode document = locatedDocument(body);
    ObjectNode properties = requestedProperties(body);
    document.set("properties", properties);
    return normalize(document, existing);
  }

  /** A PATCH changes only what it names; target regions are replaced as a whole. */
  @Override
  protected ArmResponse patch(ArmRequest request, ResourceId id) {
    requireParent(id, "write");
    ArmResource existing = state.store().find(id).orElseThrow(() -> ArmErrors.resourceNotFound(id));
    ObjectNode body = request.bodyObject();
    ObjectNode document = existing.document().deepCopy();
    copyTags(body, document);
    JsonNode changes = body.path("properties");
    ObjectNode properties = objectAt(document, "properties");
    for (String section : List.of("publishingProfile", "safetyProfile", "storageProfile")) {
      if (changes.path(section).isObject()) {
        objectAt(properties, section).setAll((ObjectNode) changes.get(section).deepCopy());
      }
    }
    return write(request, id, existing, normalize(document, existing));
  }

  @Override
  ObjectNode render(ArmRequest request, ArmResource resource) {
    ObjectNode json = super.render(request, resource);
    String expand = request.query("$expand");
    if (expand != null && expand.equalsIgnoreCase("ReplicationStatus")) {
      objectAt(json, "properties")
          .set(
              "replicationStatus",
              ((GalleryImageVersionResource) resource).replicationStatus(now()));
    }
    return json;
  }

  private ObjectNode normalize(ObjectNode document, ArmResource existing) {
    ObjectNode properties = objectAt(document, "properties");
    properties.remove("provisioningState");
    properties.remove("replicationStatus");
    ObjectNode publishing = objectAt(properties, "publishingProfile");
    if (!publishing.has("replicaCount")) {
      publishing.put("replicaCount", 1);
    }
    if (!publishing.has("excludeFromLatest")) {
      publishing.put("excludeFromLatest", false);
    }
    putIfAbsent(publishing, "storageAccountType", "Standard_LRS");
    String publishedDate =
        existing == null
            ? Timestamps.compute(now())
            : existing
                .document()
                .path("properties")
                .path("publishingProfile")
                .path("publishedDate")
                .asText(Timestamps.compute(now()));
    publishing.put("publishedDate", publishedDate);
    ArrayNode regions =
        publishing.path("targetRegions").isArray()
            ? (ArrayNode) publishing.get("targetRegions")
            : publishing.putArray("targetRegions");
    String location = EmulatorJson.text(document, "location");
    if (regions.isEmpty()) {
      regions.addObject().put("name", location);
    }
    JsonNode previousRegions =
        existing == null
            ? EmulatorJson.array()
            : existing
                .document()
                .path("properties")
                .path("publishingProfile")
                .path("targetRegions");
    List<String> seen = new ArrayList<>();
    for (JsonNode region : regions) {
      if (region instanceof ObjectNode target) {
        String name = target.path("name").asText();
        if (seen.contains(AzureRegions.programmaticName(name))) {
          throw duplicateRegions();
        }
        seen.add(AzureRegions.programmaticName(name));
        // Compute answers display names whatever the request used (GalleryRP examples and the
        // SharedGalleryImageTests recording).
        target.put("name", AzureRegions.displayName(name));
        keepEncryption(target, previousRegions);
        if (!target.has("regionalReplicaCount")) {
          target.set("regionalReplicaCount", publishing.get("replicaCount"));
        }
        int replicas = target.path("regionalReplicaCount").asInt();
        if (replicas < 1 || replicas > MAX_REPLICAS_PER_REGION) {
          throw ArmErrors.invalidParameter(
              "regionalReplicaCount",
              "The regional replica count "
                  + replicas
                  + " of region '"
                  + target.path("name").asText()
                  + "' must be between 1 and "
                  + MAX_REPLICAS_PER_REGION
                  + ".");
        }
        putIfAbsent(target, "storageAccountType", publishing.path("storageAccountType").asText());
        if (!target.has("excludeFromLatest")) {
          target.put("excludeFromLatest", false);
        }
      }
    }
    if (!seen.contains(AzureRegions.programmaticName(location))) {
      throw locationNotATarget(location);
    }
    ObjectNode safety = objectAt(properties, "safetyProfile");
    if (!safety.has("reportedForPolicyViolation")) {
      safety.put("reportedForPolicyViolation", false);
    }
    if (!safety.has("allowDeletionOfReplicatedLocations")) {
      safety.put("allowDeletionOfReplicatedLocations", false);
    }
    if (existing instanceof GalleryImageVersionResource before
        && !safety.path("allowDeletionOfReplicatedLocations").asBoolean()) {
      for (JsonNode previous : previousRegions) {
        String name = previous.path("name").asText();
        if (!seen.contains(AzureRegions.programmaticName(name))
            && before.isReplicated(name, now())) {
          throw replicatedRegionRemoved(name);
        }
      }
    }
    ObjectNode storage = objectAt(properties, "storageProfile");
    String source = sourceId(storage, publishing);
    if (source == null) {
      throw ArmErrors.invalidParameter(
          "storageProfile.source.id",
          "Required parameter 'storageProfile.source.id' is missing (null).");
    }
    if (existing != null) {
      String before =
          sourceId(
              existing.document().path("properties").path("storageProfile"),
              existing.document().path("properties").path("publishingProfile"));
      if (before != null && !ResourceId.parse(before).equals(ResourceId.parse(source))) {
        throw ArmErrors.propertyChangeNotAllowed("storageProfile.source.id");
      }
    } else {
      requireReferenced(source);
      for (JsonNode dataDisk : storage.path("dataDiskImages")) {
        String dataSource = dataDisk.path("source").path("id").asText(null);
        if (dataSource != null) {
          requireReferenced(dataSource);
        }
      }
    }
    return document;
  }

  /**
   * Compute's answer to a region listed twice, also as two spellings (terraform-provider-azurerm
   * issues 7751 and 12332).
   */
  private static ArmException duplicateRegions() {
    return ArmErrors.invalidParameter(
        TARGET_REGIONS, "Duplicate regions are not allowed in target publishing regions.");
  }

  /**
   * A version is stored in its own region first, so that region must be a target (DOMAIN.md;
   * Microsoft's Azure IaaS VM supportability wiki, "Attributes for Image Gallery Definition &
   * Version": "Target regions ... Source region must be included"); the wording is the emulator's.
   */
  private static ArmException locationNotATarget(String location) {
    return ArmErrors.invalidParameter(
        TARGET_REGIONS,
        "The target regions of the gallery image version must include its location '"
            + AzureRegions.displayName(location)
            + "'.");
  }

  /**
   * Removing a region the version has been replicated to needs the version's consent in {@code
   * safetyProfile.allowDeletionOfReplicatedLocations} (GalleryImageVersionSafetyProfile: "Indicates
   * whether or not removing this Gallery Image Version from replicated regions is allowed"); the
   * wording is the emulator's.
   */
  private static ArmException replicatedRegionRemoved(String region) {
    return ArmErrors.invalidParameter(
        "galleryImageVersion.properties.safetyProfile.allowDeletionOfReplicatedLocations",
        "Removing the replicated region '"
            + AzureRegions.displayName(region)
            + "' from the target regions is not allowed unless"
            + " safetyProfile.allowDeletionOfReplicatedLocations is true.");
  }

  /** A region's encryption cannot change; an update that leaves it out keeps it. */
  private static void keepEncryption(ObjectNode target, JsonNode previousRegions) {
    if (target.has("encryption")) {
      return;
    }
    String name = target.path("name").asText();
    for (JsonNode previous : previousRegions) {
      if (AzureRegions.same(previous.path("name").asText(), name) && previous.has("encryption")) {
        target.set("encryption", previous.get("encryption").deepCopy());
      }
    }
  }

  /** Once created, a version reports the disks of its source, as Azure derives them. */
  @Override
  ObjectNode completedDocument(ResourceId id, ObjectNode document) {
    ObjectNode storage = objectAt(objectAt(document, "properties"), "storageProfile");
    ObjectNode image = referencedDocument(storage.path("source").path("id").asText(null));
    if (image != null && image.path("properties").has("storageProfile")) {
      JsonNode imageStorage = image.path("properties").path("storageProfile");
      if (!storage.has("osDiskImage")) {
        ObjectNode osDisk = storage.putObject("osDiskImage");
        copyDisk(imageStorage.path("osDisk"), osDisk);
        osDisk.putObject("source");
      }
      if (!storage.has("dataDiskImages") && imageStorage.path("dataDisks").size() > 0) {
        ArrayNode dataDisks = storage.putArray("dataDiskImages");
        for (JsonNode imageDisk : imageStorage.path("dataDisks")) {
          ObjectNode disk = dataDisks.addObject().put("lun", imageDisk.path("lun").asInt());
          copyDisk(imageDisk, disk);
        }
      }
      return document;
    }
    fillFromSnapshot(storage.path("osDiskImage"));
    for (JsonNode dataDisk : storage.path("dataDiskImages")) {
      fillFromSnapshot(dataDisk);
    }
    return document;
  }

  private void fillFromSnapshot(JsonNode disk) {
    if (disk instanceof ObjectNode target && !target.has("sizeInGB")) {
      ObjectNode source = referencedDocument(target.path("source").path("id").asText(null));
      if (source != null && source.path("properties").has("diskSizeGB")) {
        target.set("sizeInGB", source.path("properties").get("diskSizeGB"));
      }
    }
  }

  private static void copyDisk(JsonNode imageDisk, ObjectNode versionDisk) {
    if (imageDisk.has("diskSizeGB")) {
      versionDisk.set("sizeInGB", imageDisk.get("diskSizeGB"));
    }
    versionDisk.put("hostCaching", imageDisk.path("caching").asText("None"));
  }

  /**
   * The version's source: {@code storageProfile.source.id}, the OS disk snapshot's, or, before
   * api-version 2019-07-01, {@code publishingProfile.source.managedImage.id}.
   */
  private static String sourceId(JsonNode storage, JsonNode publishing) {
    for (JsonNode candidate :
        List.of(
            storage.path("source").path("id"),
            storage.path("osDiskImage").path("source").path("id"),
            publishing.path("source").path("managedImage").path("id"))) {
      if (candidate.isTextual()) {
        return candidate.asText();
      }
    }
    return null;
  }
}
