package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code Microsoft.Compute/galleries/images/versions}: image versions made from a managed image (or
 * snapshots), replicated to target regions. The source must exist when the version is created and
 * cannot change later. Creating or updating completes when every new or changed region has
 * replicated; {@code $expand=ReplicationStatus} shows per-region progress meanwhile.
 */
final class GalleryImageVersionHandler extends ComputeResourceHandler {

  static final String TYPE = "Microsoft.Compute/galleries/images/versions";
  private static final int MAX_REPLICAS_PER_REGION = 100;

  GalleryImageVersionHandler(EmulatorState state) {
    super(state, TYPE, ApiVersions.GALLERY_IMAGE_VERSIONS, LongRunningOperation.Kind.GALLERY);
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
    return normalize(document, body.path("location").asText(), existing);
  }

  /** A PATCH changes only what it names; target regions are replaced as a whole. */
  @Override
  ArmResponse patch(ArmRequest request, ResourceId id) {
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
    return write(request, id, existing, normalize(document, existing.location(), existing));
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

  private ObjectNode normalize(ObjectNode document, String displayLocation, ArmResource existing) {
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
    if (regions.isEmpty()) {
      regions.addObject().put("name", displayLocation);
    }
    JsonNode previousRegions =
        existing == null
            ? EmulatorJson.array()
            : existing
                .document()
                .path("properties")
                .path("publishingProfile")
                .path("targetRegions");
    for (JsonNode region : regions) {
      if (region instanceof ObjectNode target) {
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
    ObjectNode safety = objectAt(properties, "safetyProfile");
    if (!safety.has("reportedForPolicyViolation")) {
      safety.put("reportedForPolicyViolation", false);
    }
    if (!safety.has("allowDeletionOfReplicatedLocations")) {
      safety.put("allowDeletionOfReplicatedLocations", false);
    }
    ObjectNode storage = objectAt(properties, "storageProfile");
    String source = sourceId(storage);
    if (source == null) {
      throw ArmErrors.invalidParameter(
          "storageProfile.source.id",
          "Required parameter 'storageProfile.source.id' is missing (null).");
    }
    if (existing != null) {
      String before = sourceId(existing.document().path("properties").path("storageProfile"));
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

  /** A region's encryption cannot change; an update that leaves it out keeps it. */
  private static void keepEncryption(ObjectNode target, JsonNode previousRegions) {
    if (target.has("encryption")) {
      return;
    }
    String name = normalizeLocation(target.path("name").asText());
    for (JsonNode previous : previousRegions) {
      if (normalizeLocation(previous.path("name").asText()).equals(name)
          && previous.has("encryption")) {
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

  private static String sourceId(JsonNode storage) {
    String source = storage.path("source").path("id").asText(null);
    return source != null
        ? source
        : storage.path("osDiskImage").path("source").path("id").asText(null);
  }
}
