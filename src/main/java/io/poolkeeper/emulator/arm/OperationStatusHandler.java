package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The URLs clients poll long-running operations at. The {@code Azure-AsyncOperation} URL answers
 * 200 with {@code {"status":"InProgress"}} until the operation ends, then {@code Succeeded} or
 * {@code Failed} with the error. A {@code Location} URL answers 202 while running, then 200 with no
 * body (or the operation's error). Each accepts the api-versions of the provider that serves it.
 */
final class OperationStatusHandler {

  private final EmulatorState state;
  private final Function<String, ResourceHandler> handlers;

  OperationStatusHandler(EmulatorState state, Function<String, ResourceHandler> handlers) {
    this.state = state;
    this.handlers = handlers;
  }

  ArmResponse compute(ArmRequest request, String location, String kind, String id) {
    requireGet(request);
    requireProviderApiVersion(
        request, location, "locations/" + kind, ApiVersions.COMPUTE_OPERATIONS);
    LongRunningOperation operation =
        state
            .operations()
            .find(id)
            .filter(found -> found.kind().pathSegment().equalsIgnoreCase(kind))
            .orElseThrow(OperationStatusHandler::notFound);
    Instant now = state.clock().instant();
    if ("true".equalsIgnoreCase(request.query("monitor"))) {
      return location(request, operation, now);
    }
    ObjectNode body = EmulatorJson.object();
    body.put("startTime", Timestamps.compute(operation.start()));
    if (operation.isDone(now)) {
      body.put("endTime", Timestamps.compute(operation.end()));
    }
    body.put("status", operation.status(now));
    if (operation.isDone(now) && operation.failure() != null) {
      body.set("error", operation.failure().errorObject());
    }
    if (operation.kind() == LongRunningOperation.Kind.DISK
        && !operation.deletion()
        && operation.isDone(now)
        && operation.failure() == null
        && state.store().find(operation.target()).isPresent()) {
      // Disk operations carry the finished resource, as recorded from Azure.
      ResourceHandler handler = handlers.apply(operation.target().type());
      body.putObject("properties").set("output", handler.get(request, operation.target()).body());
    }
    body.put("name", operation.id());
    ArmResponse response = ArmResponse.json(200, body);
    if (!operation.isDone(now)) {
      response.header("Retry-After", retryAfter());
    }
    return response;
  }

  ArmResponse poolDeletion(ArmRequest request, String location, String id) {
    requireGet(request);
    requireProviderApiVersion(
        request, location, "batchAccounts/poolOperationResults", ApiVersions.BATCH);
    return location(request, find(id, LongRunningOperation.Kind.POOL_DELETION), now());
  }

  ArmResponse resourceGroupDeletion(ArmRequest request, String id) {
    requireGet(request);
    String apiVersion = request.apiVersion();
    if (apiVersion == null) {
      throw ArmErrors.missingApiVersion();
    }
    if (!ApiVersions.RESOURCE_GROUPS.contains(apiVersion)) {
      throw ArmErrors.invalidApiVersion(apiVersion, ApiVersions.RESOURCE_GROUPS);
    }
    return location(request, find(id, LongRunningOperation.Kind.RESOURCE_GROUP_DELETION), now());
  }

  private ArmResponse location(ArmRequest request, LongRunningOperation operation, Instant now) {
    if (!operation.isDone(now)) {
      return ArmResponse.empty(202)
          .header("Location", LongRunningOperations.locationUrl(request.baseUri(), operation))
          .header("Retry-After", retryAfter());
    }
    if (operation.failure() != null) {
      return operation.failure().toResponse();
    }
    return ArmResponse.empty(200);
  }

  private LongRunningOperation find(String id, LongRunningOperation.Kind kind) {
    return state
        .operations()
        .find(id)
        .filter(found -> found.kind() == kind)
        .orElseThrow(OperationStatusHandler::notFound);
  }

  private Instant now() {
    return state.clock().instant();
  }

  private String retryAfter() {
    return String.valueOf(state.options().retryAfterSeconds());
  }

  private static void requireProviderApiVersion(
      ArmRequest request, String location, String type, List<String> supported) {
    String apiVersion = request.apiVersion();
    if (apiVersion == null) {
      throw ArmErrors.missingApiVersion();
    }
    if (!supported.contains(apiVersion)) {
      throw ArmErrors.noRegisteredProvider(location, apiVersion, type, supported);
    }
  }

  private static void requireGet(ArmRequest request) {
    if (!request.method().equals("GET")) {
      throw ArmErrors.methodNotAllowed(request.method(), "operation status");
    }
  }

  // Compute's classic answer for an ID it does not know.
  private static ArmException notFound() {
    return new ArmException(404, "NotFound", "The entity was not found in this Azure location.");
  }
}
