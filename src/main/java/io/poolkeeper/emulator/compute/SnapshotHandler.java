package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.SnapshotSeed;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.LongRunningOperation;
import io.poolkeeper.emulator.arm.ResourceId;
import io.poolkeeper.emulator.arm.Timestamps;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code Microsoft.Compute/snapshots}, the source of managed images. Usually seeded through the
 * admin API; a PUT works too and, like the Disk resource provider, answers 202 with both {@code
 * Azure-AsyncOperation} and {@code Location}. A snapshot's source disk is not checked.
 */
public final class SnapshotHandler extends ComputeResourceHandler {

  public static final String TYPE = "Microsoft.Compute/snapshots";
  private static final long BYTES_PER_GB = 1024L * 1024 * 1024;

  public SnapshotHandler(EmulatorState state) {
    super(state, TYPE, ApiVersions.DISKS, LongRunningOperation.Kind.DISK);
  }

  @Override
  int createdStatus() {
    return 202;
  }

  // The Disk resource provider reports a new snapshot as Updating (recorded traffic).
  @Override
  String creatingState() {
    return "Updating";
  }

  @Override
  boolean locationOnWrite() {
    return true;
  }

  @Override
  ObjectNode buildDocument(ArmRequest request, ResourceId id, ArmResource existing) {
    ObjectNode body = request.bodyObject();
    ObjectNode document = locatedDocument(body);
    JsonNode sku = body.get("sku");
    document.set("sku", sku != null && sku.isObject() ? sku : skuNamed("Standard_LRS"));
    ObjectNode properties = requestedProperties(body);
    if (!properties.has("diskSizeGB")) {
      ObjectNode source =
          referencedDocument(properties.path("creationData").path("sourceResourceId").asText(null));
      if (source != null && source.path("properties").has("diskSizeGB")) {
        properties.set("diskSizeGB", source.path("properties").get("diskSizeGB"));
      }
    }
    document.set("properties", properties);
    return document;
  }

  @Override
  ObjectNode completedDocument(ResourceId id, ObjectNode document) {
    ObjectNode sku = objectAt(document, "sku");
    String skuName = sku.path("name").asText("Standard_LRS");
    putIfAbsent(
        sku,
        "tier",
        skuName.toLowerCase(Locale.ROOT).startsWith("premium") ? "Premium" : "Standard");
    ObjectNode properties = objectAt(document, "properties");
    if (!properties.has("encryption")) {
      properties.putObject("encryption").put("type", "EncryptionAtRestWithPlatformKey");
    }
    if (!properties.has("incremental")) {
      properties.put("incremental", false);
    }
    putIfAbsent(properties, "timeCreated", Timestamps.compute(now()));
    putIfAbsent(properties, "diskState", "Unattached");
    if (properties.has("diskSizeGB")) {
      properties.put("diskSizeBytes", properties.get("diskSizeGB").asLong() * BYTES_PER_GB);
    }
    putIfAbsent(properties, "uniqueId", UUID.randomUUID().toString());
    putIfAbsent(properties, "networkAccessPolicy", "AllowAll");
    return document;
  }

  /**
   * The Disk RP answers a create or update with the resource as requested, without {@code id},
   * {@code name} and {@code type} (recordings/canOperateOnManagedDiskFromSnapshot.json and
   * ManagedDiskOperationsTests.canOperateOnManagedDiskFromSnapshot.json); the operation's output
   * and later reads carry them.
   */
  @Override
  ObjectNode writeAnswer(ArmRequest request, ArmResource resource) {
    ObjectNode json = render(request, resource);
    List.of("id", "name", "type").forEach(json::remove);
    return json;
  }

  @Override
  ObjectNode render(ArmRequest request, ArmResource resource) {
    ObjectNode json = super.render(request, resource);
    // Azure's answer to a new snapshot carries this flag until the snapshot exists.
    if (resource.isProvisioning(now())) {
      objectAt(json, "properties").put("isArmResource", true);
    }
    return json;
  }

  /** The document of a snapshot seeded through the admin API. */
  public static ObjectNode seededDocument(SnapshotSeed seed, String location, String timeCreated) {
    ObjectNode document = EmulatorJson.object();
    document.put("location", location);
    document.set("sku", skuNamed("Standard_LRS").put("tier", "Standard"));
    ObjectNode properties = document.putObject("properties");
    if (seed.osType() != null) {
      properties.put("osType", seed.osType());
    }
    if (seed.hyperVGeneration() != null) {
      properties.put("hyperVGeneration", seed.hyperVGeneration());
    }
    properties.putObject("creationData").put("createOption", "Copy");
    properties.put("diskSizeGB", seed.diskSizeGB());
    properties.putObject("encryption").put("type", "EncryptionAtRestWithPlatformKey");
    properties.put("incremental", false);
    properties.put("timeCreated", timeCreated);
    properties.put("diskState", "Unattached");
    properties.put("diskSizeBytes", seed.diskSizeGB() * BYTES_PER_GB);
    properties.put("uniqueId", UUID.randomUUID().toString());
    properties.put("networkAccessPolicy", "AllowAll");
    return document;
  }

  private static ObjectNode skuNamed(String name) {
    return EmulatorJson.object().put("name", name);
  }
}
