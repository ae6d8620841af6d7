package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How a pool looks on the wire: the properties its owner set plus Batch's read-only state
 * (timestamps, allocation state, current nodes, {@code resizeOperationStatus}, {@code
 * autoScaleRun}), spelled for the request's api-version and as Batch spells what it stores: {@code
 * vmSize} in Batch's casing, and {@code fixedScale.nodeDeallocationOption} only in the answer to
 * the write that set it (recordings/canCRUDBatchPool.json: the PUT answer echoes it, the list
 * leaves it out; the PoolGet and PoolList examples leave it out, the PoolUpdate examples echo it).
 */
final class PoolView {

  /** Before this api-version, {@code taskSlotsPerNode} was called {@code maxTasksPerNode}. */
  static final String TASK_SLOTS_API_VERSION = "2020-09-01";

  /**
   * From this api-version on, pools have no {@code resourceTags}, {@code
   * targetNodeCommunicationMode}, {@code currentNodeCommunicationMode}, {@code certificates} or
   * {@code applicationLicenses}: azure-rest-api-specs models.tsp marks them
   * {@code @removed(Versions.v2025_06_01)}, the 2025-06-01 and 2026-08-01 openapi.json leave them
   * out, and Azure/azure-sdk-for-java pull request 47619 removes them from the SDK.
   */
  static final String RETIRED_PROPERTIES_API_VERSION = "2025-06-01";

  static final List<String> RETIRED_PROPERTIES =
      List.of(
          "resourceTags",
          "targetNodeCommunicationMode",
          "currentNodeCommunicationMode",
          "certificates",
          "applicationLicenses");

  private PoolView() {}

  /**
   * Batch never answers with what the spec marks x-ms-secret (2026-08-01 openapi.json): mount keys,
   * SAS tokens and passwords, registry and user passwords, SSH private keys, and extensions'
   * protected settings are write-only.
   */
  static ObjectNode withoutSecrets(ObjectNode properties) {
    JsonNode vm = properties.path("deploymentConfiguration").path("virtualMachineConfiguration");
    for (JsonNode registry : vm.path("containerConfiguration").path("containerRegistries")) {
      remove(registry, "password");
    }
    for (JsonNode extension : vm.path("extensions")) {
      remove(extension, "protectedSettings");
    }
    for (JsonNode mount : properties.path("mountConfiguration")) {
      remove(mount.path("azureBlobFileSystemConfiguration"), "accountKey", "sasKey");
      remove(mount.path("azureFileShareConfiguration"), "accountKey");
      remove(mount.path("cifsMountConfiguration"), "password");
    }
    for (JsonNode user : properties.path("userAccounts")) {
      remove(user, "password");
      remove(user.path("linuxUserConfiguration"), "sshPrivateKey");
    }
    remove(properties.path("startTask").path("containerSettings").path("registry"), "password");
    return properties;
  }

  private static void remove(JsonNode node, String... fields) {
    if (node instanceof ObjectNode object) {
      for (String field : fields) {
        object.remove(field);
      }
    }
  }

  /** Which kind of request the pool is rendered for. */
  enum Answer {
    /** PUT or PATCH: the stored properties as written. */
    WRITE,
    /** GET, list or an action: what Batch reports of a pool. */
    READ
  }

  static ObjectNode render(
      PoolResource pool, Instant now, double nodesPerMinute, String apiVersion, Answer answer) {
    PoolAllocation allocation = pool.allocation();
    ObjectNode json = EmulatorJson.object();
    json.put("id", pool.id().toString());
    json.put("name", pool.id().name());
    json.put("type", PoolHandler.TYPE);
    json.put("etag", pool.etag());
    if (pool.document().get("identity") instanceof ObjectNode identity) {
      json.set("identity", PoolRules.identityView(identity));
    }
    if (pool.document().get("tags") instanceof ObjectNode tags) {
      json.set("tags", tags.deepCopy());
    }
    ObjectNode properties = json.putObject("properties");
    properties.put("lastModified", Timestamps.batch(pool.lastModified()));
    properties.put("creationTime", Timestamps.batch(pool.creationTime()));
    properties.put("provisioningState", pool.isDeleting() ? "Deleting" : "Succeeded");
    properties.put(
        "provisioningStateTransitionTime",
        Timestamps.batch(pool.isDeleting() ? pool.deletionStartedAt() : pool.creationTime()));
    properties.put("allocationState", allocation.state());
    properties.put("allocationStateTransitionTime", Timestamps.batch(allocation.since()));
    properties.setAll(withoutSecrets(pool.properties().deepCopy()));
    if (properties.hasNonNull("vmSize")) {
      properties.put("vmSize", VmSizes.batchSpelling(properties.get("vmSize").asText()));
    }
    if (answer == Answer.READ
        && properties.path("scaleSettings").path("fixedScale") instanceof ObjectNode fixed) {
      fixed.remove("nodeDeallocationOption");
    }
    properties.put("currentDedicatedNodes", allocation.dedicatedAt(now, nodesPerMinute));
    properties.put("currentLowPriorityNodes", allocation.lowPriorityAt(now, nodesPerMinute));
    if (allocation.resize() != null) {
      properties.set("resizeOperationStatus", resizeOperationStatus(allocation));
    }
    JsonNode autoScale = pool.properties().path("scaleSettings").path("autoScale");
    if (autoScale.isObject()) {
      AutoScaleFormula.constantTargets(autoScale.path("formula").asText(null))
          .ifPresent(targets -> properties.set("autoScaleRun", autoScaleRun(pool, targets)));
    }
    if (apiVersion != null && ApiVersions.atLeast(apiVersion, RETIRED_PROPERTIES_API_VERSION)) {
      RETIRED_PROPERTIES.forEach(properties::remove);
    }
    if (apiVersion != null && !ApiVersions.atLeast(apiVersion, TASK_SLOTS_API_VERSION)) {
      JsonNode slots = properties.remove("taskSlotsPerNode");
      if (slots != null) {
        properties.set("maxTasksPerNode", slots);
      }
    }
    return json;
  }

  /**
   * Keeps only the properties {@code $select} names ({@code properties/allocationState,...});
   * {@code id}, {@code name}, {@code type} and {@code etag} always stay, as Batch returns them.
   */
  static ObjectNode select(ObjectNode pool, String select) {
    ObjectNode selected = EmulatorJson.object();
    for (String field : new String[] {"id", "name", "type", "etag"}) {
      if (pool.has(field)) {
        selected.set(field, pool.get(field));
      }
    }
    for (String path : select.split(",")) {
      String[] parts = path.trim().split("/");
      JsonNode source = pool;
      ObjectNode target = selected;
      for (int i = 0; i < parts.length && source != null; i++) {
        JsonNode value = source.get(parts[i]);
        if (value == null) {
          break;
        }
        if (i == parts.length - 1) {
          target.set(parts[i], value.deepCopy());
        } else {
          target = EmulatorJson.objectAt(target, parts[i]);
          source = value;
        }
      }
    }
    return selected;
  }

  private static ObjectNode resizeOperationStatus(PoolAllocation allocation) {
    ResizeOperation resize = allocation.resize();
    ObjectNode status = EmulatorJson.object();
    // Batch leaves out zero targets.
    if (resize.targetDedicated() != 0) {
      status.put("targetDedicatedNodes", resize.targetDedicated());
    }
    if (resize.targetLowPriority() != 0) {
      status.put("targetLowPriorityNodes", resize.targetLowPriority());
    }
    status.put("nodeDeallocationOption", resize.nodeDeallocationOption());
    status.put("resizeTimeout", resize.timeout().toString());
    status.put("startTime", Timestamps.batch(resize.startTime()));
    if (allocation.state().equals(PoolAllocation.STEADY) && !allocation.errors().isEmpty()) {
      ArrayNode errors = status.putArray("errors");
      allocation.errors().forEach(error -> errors.add(error.toJson()));
    }
    return status;
  }

  private static ObjectNode autoScaleRun(PoolResource pool, AutoScaleFormula.Targets targets) {
    StringBuilder results = new StringBuilder();
    if (targets.dedicated() != null) {
      results.append("$TargetDedicatedNodes=").append(targets.dedicated()).append(';');
    }
    if (targets.lowPriority() != null) {
      results.append("$TargetLowPriorityNodes=").append(targets.lowPriority()).append(';');
    }
    String option =
        targets.nodeDeallocationOption() == null ? "requeue" : targets.nodeDeallocationOption();
    results.append("NodeDeallocationOption=").append(option.toLowerCase(Locale.ROOT));
    ObjectNode run = EmulatorJson.object();
    run.put("evaluationTime", Timestamps.batch(pool.lastModified()));
    run.put("results", results.toString());
    return run;
  }
}
