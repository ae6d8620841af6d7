package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.LongRunningOperation;
import io.poolkeeper.emulator.arm.ResourceId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Microsoft.Compute/images}: managed images made from an OS-disk snapshot (plus data-disk
 * snapshots, each with a LUN), from managed disks, from a generalized VM, or from a blob URI. The
 * snapshots, disks and VM named must exist; blob URIs are taken on trust. Once created, an image's
 * sources cannot change (409); only its tags can.
 */
public final class ImageHandler extends ComputeResourceHandler {

  public static final String TYPE = "Microsoft.Compute/images";

  public ImageHandler(EmulatorState state) {
    super(state, TYPE, ApiVersions.IMAGES, LongRunningOperation.Kind.COMPUTE);
  }

  @Override
  ObjectNode buildDocument(ArmRequest request, ResourceId id, ArmResource existing) {
    ObjectNode body = request.bodyObject();
    ObjectNode document = locatedDocument(body);
    ObjectNode given = requestedProperties(body);
    JsonNode vm = given.path("sourceVirtualMachine").path("id");
    if (!given.path("storageProfile").path("osDisk").isObject() && vm.isMissingNode()) {
      throw ArmErrors.invalidParameter(
          "storageProfile.osDisk",
          "Required parameter 'storageProfile.osDisk' is missing (null). An image needs an OS"
              + " disk or a source virtual machine.");
    }
    for (String reference : references(given)) {
      requireReferenced(reference);
    }
    if (existing != null
        && !references(existing.document().path("properties")).equals(references(given))) {
      throw ArmErrors.propertyChangeNotAllowed("storageProfile");
    }
    ObjectNode storage = objectAt(given, "storageProfile");
    if (!storage.has("osDisk") && !vm.isMissingNode()) {
      storage.set("osDisk", osDiskOfVirtualMachine(vm.asText()));
    }
    ObjectNode osDisk = objectAt(storage, "osDisk");
    putIfAbsent(osDisk, "caching", "ReadWrite");
    putIfAbsent(osDisk, "storageAccountType", "Standard_LRS");
    ArrayNode dataDisks =
        storage.path("dataDisks").isArray()
            ? (ArrayNode) storage.get("dataDisks")
            : storage.putArray("dataDisks");
    for (JsonNode dataDisk : dataDisks) {
      if (dataDisk instanceof ObjectNode disk) {
        putIfAbsent(disk, "caching", "None");
        putIfAbsent(disk, "storageAccountType", "Standard_LRS");
      }
    }
    putIfAbsent(given, "hyperVGeneration", "V1");
    document.set("properties", given);
    return document;
  }

  /** Once created, an image reports the size of each disk it was made from. */
  @Override
  ObjectNode completedDocument(ResourceId id, ObjectNode document) {
    ObjectNode storage = objectAt(objectAt(document, "properties"), "storageProfile");
    fillDiskSize(objectAt(storage, "osDisk"));
    for (JsonNode dataDisk : storage.path("dataDisks")) {
      if (dataDisk instanceof ObjectNode disk) {
        fillDiskSize(disk);
      }
    }
    return document;
  }

  /** Tags are the only thing a PATCH can change on a managed image. */
  @Override
  protected ArmResponse patch(ArmRequest request, ResourceId id) {
    requireParent(id, "write");
    ArmResource existing = state.store().find(id).orElseThrow(() -> ArmErrors.resourceNotFound(id));
    ObjectNode body = request.bodyObject();
    JsonNode properties = body.path("properties");
    if (properties.isObject()
        && !references(properties).isEmpty()
        && !references(properties).equals(references(existing.document().path("properties")))) {
      throw ArmErrors.propertyChangeNotAllowed("storageProfile");
    }
    ObjectNode document = existing.document().deepCopy();
    copyTags(body, document);
    return write(request, id, existing, document);
  }

  private void fillDiskSize(ObjectNode disk) {
    if (disk.has("diskSizeGB")) {
      return;
    }
    for (String field : List.of("snapshot", "managedDisk")) {
      ObjectNode source = referencedDocument(disk.path(field).path("id").asText(null));
      if (source != null && source.path("properties").has("diskSizeGB")) {
        disk.set("diskSizeGB", source.path("properties").get("diskSizeGB"));
        return;
      }
    }
  }

  private ObjectNode osDiskOfVirtualMachine(String vmId) {
    ObjectNode vm = referencedDocument(vmId);
    JsonNode vmOsDisk =
        vm == null ? null : vm.path("properties").path("storageProfile").path("osDisk");
    ObjectNode osDisk = EmulatorJson.object();
    osDisk.put("osType", vmOsDisk == null ? "Linux" : vmOsDisk.path("osType").asText("Linux"));
    osDisk.put("osState", "Generalized");
    if (vmOsDisk != null && vmOsDisk.has("diskSizeGB")) {
      osDisk.set("diskSizeGB", vmOsDisk.get("diskSizeGB"));
    }
    return osDisk;
  }

  /** The resources an image is made from, in a stable order. */
  private static List<String> references(JsonNode properties) {
    List<String> references = new ArrayList<>();
    addId(references, properties.path("sourceVirtualMachine"));
    JsonNode storage = properties.path("storageProfile");
    addDisk(references, storage.path("osDisk"));
    for (JsonNode dataDisk : storage.path("dataDisks")) {
      addDisk(references, dataDisk);
    }
    return references;
  }

  private static void addDisk(List<String> references, JsonNode disk) {
    addId(references, disk.path("snapshot"));
    addId(references, disk.path("managedDisk"));
  }

  private static void addId(List<String> references, JsonNode reference) {
    String id = reference.path("id").asText(null);
    if (id == null) {
      return;
    }
    try {
      references.add(ResourceId.parse(id).key());
    } catch (IllegalArgumentException e) {
      references.add(id);
    }
  }
}
