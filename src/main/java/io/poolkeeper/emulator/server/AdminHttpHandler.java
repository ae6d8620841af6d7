package io.poolkeeper.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.ArmOutcome;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.EmulatorClock;
import io.poolkeeper.emulator.FaultRule;
import io.poolkeeper.emulator.ProvisioningFailure;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.emulator.SnapshotSeed;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST face of {@link EmulatorAdmin} under {@code /_emulator/}: JSON in, JSON out, no
 * authentication. Every endpoint calls the Java method of the same purpose; docs/emulator.md lists
 * them with examples.
 */
public final class AdminHttpHandler {

  private final EmulatorAdmin admin;
  private final EmulatorClock clock;

  public AdminHttpHandler(EmulatorAdmin admin, EmulatorClock clock) {
    this.admin = admin;
    this.clock = clock;
  }

  ArmResponse handle(ArmRequest request) {
    List<String> path = request.segments().subList(1, request.segments().size());
    String route = request.method() + " /" + String.join("/", path);
    try {
      return switch (route) {
        case "GET /clock" -> ok(clockJson());
        case "POST /clock/advance" -> {
          admin.advanceClock(duration(required(request, "duration")));
          yield ok(clockJson());
        }
        case "POST /subscriptions" -> {
          admin.addSubscription(required(request, "subscriptionId"));
          yield ok(request.body());
        }
        case "POST /resource-groups" -> {
          admin.addResourceGroup(
              required(request, "subscriptionId"),
              required(request, "name"),
              required(request, "location"));
          yield ok(request.body());
        }
        case "POST /snapshots" -> {
          admin.addSnapshot(read(request, SnapshotSeed.class));
          yield ok(request.body());
        }
        case "POST /batch-accounts" -> {
          admin.addBatchAccount(batchAccount(request));
          yield ok(request.body());
        }
        case "POST /referenced-resources" -> {
          admin.addReferencedResource(
              required(request, "id"),
              EmulatorJson.text(request.body(), "location"),
              request.body().get("properties"));
          yield ok(request.body());
        }
        case "GET /faults" -> ok(faultsJson());
        case "POST /faults" -> {
          admin.addFault(read(faultWithDefaults(request), FaultRule.class));
          yield ok(faultsJson());
        }
        case "DELETE /faults" -> {
          admin.clearFaults();
          yield ok(faultsJson());
        }
        case "POST /faults/next-resize" -> {
          admin.failNextResize(read(request, ResizeFailure.class));
          yield ok(request.body());
        }
        case "POST /faults/next-provisioning" -> {
          admin.failNextProvisioning(read(request, ProvisioningFailure.class));
          yield ok(request.body());
        }
        case "POST /drift/delete" -> outcome(admin.deleteResource(required(request, "id")));
        case "POST /drift/scale-pool" ->
            outcome(
                admin.scalePool(
                    required(request, "poolId"),
                    request.body().path("targetDedicatedNodes").asInt(0),
                    request.body().path("targetLowPriorityNodes").asInt(0)));
        case "POST /drift/update-pool" ->
            outcome(admin.updatePool(required(request, "poolId"), object(request, "properties")));
        case "POST /drift/tags" ->
            outcome(admin.setTags(required(request, "id"), tags(object(request, "tags"))));
        case "POST /drift/replica-count" ->
            outcome(
                admin.setReplicaCount(
                    required(request, "versionId"),
                    required(request, "region"),
                    request.body().path("regionalReplicaCount").asInt()));
        case "GET /counters" -> ok(EmulatorJson.toTree(admin.requestCounts()));
        case "DELETE /counters" -> {
          admin.resetRequestCounts();
          yield ok(EmulatorJson.toTree(admin.requestCounts()));
        }
        case "POST /reset" -> {
          admin.reset();
          yield ok(EmulatorJson.object().put("reset", true));
        }
        default ->
            throw new ArmException(
                404,
                "NotFound",
                "The admin API has no endpoint " + route + "; see docs/emulator.md.");
      };
    } catch (IllegalArgumentException e) {
      throw new ArmException(400, "InvalidAdminRequest", String.valueOf(e.getMessage()));
    }
  }

  private ObjectNode clockJson() {
    ObjectNode json = EmulatorJson.object();
    json.put("now", clock.instant().toString());
    json.put("mode", clock.isSimulated() ? "simulated" : "real-time");
    json.put("speed", clock.speed());
    return json;
  }

  private JsonNode faultsJson() {
    ArrayNode rules = EmulatorJson.array();
    admin.faults().forEach(rule -> rules.add(EmulatorJson.toTree(rule)));
    ObjectNode json = EmulatorJson.object();
    json.set("rules", rules);
    return json;
  }

  private static ArmResponse ok(JsonNode body) {
    return ArmResponse.json(200, body == null ? EmulatorJson.object() : body);
  }

  private static ArmResponse outcome(ArmOutcome outcome) {
    ObjectNode json = EmulatorJson.object().put("status", outcome.status());
    if (outcome.body() != null) {
      json.set("body", outcome.body());
    }
    return ArmResponse.json(200, json);
  }

  private static String required(ArmRequest request, String field) {
    String value = EmulatorJson.text(request.body(), field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the request needs '" + field + "'");
    }
    return value;
  }

  private static JsonNode object(ArmRequest request, String field) {
    JsonNode value = request.body() == null ? null : request.body().get(field);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException("the request needs the object '" + field + "'");
    }
    return value;
  }

  private static <T> T read(ArmRequest request, Class<T> type) {
    if (request.body() == null) {
      throw new IllegalArgumentException("the request needs a JSON body");
    }
    return EmulatorJson.convert(request.body(), type);
  }

  private static <T> T read(JsonNode body, Class<T> type) {
    return EmulatorJson.convert(body, type);
  }

  /** A fault rule without {@code rate} fails every matching request. */
  private static JsonNode faultWithDefaults(ArmRequest request) {
    ObjectNode body = request.bodyObject();
    if (!body.has("rate")) {
      body.put("rate", 1.0);
    }
    return body;
  }

  /** Quotas default to those of a new account when left out. */
  private static BatchAccountSeed batchAccount(ArmRequest request) {
    ObjectNode body = request.bodyObject();
    if (!body.has("dedicatedCoreQuota")) {
      body.put("dedicatedCoreQuota", 500);
    }
    if (!body.has("lowPriorityCoreQuota")) {
      body.put("lowPriorityCoreQuota", 500);
    }
    return read(body, BatchAccountSeed.class);
  }

  private static Map<String, String> tags(JsonNode tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT5M");
    }
  }
}
