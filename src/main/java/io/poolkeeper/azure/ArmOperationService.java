package io.poolkeeper.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Locale;

/**
 * {@link OperationService} by plain GETs of the operation URL through the ARM pipeline (token,
 * retries, trusted CA). Only URLs on the configured Resource Manager endpoint are followed, so a
 * URL read back from a status field can never send the bearer token anywhere else.
 */
final class ArmOperationService implements OperationService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpPipeline pipeline;
  private final URI resourceManager;

  ArmOperationService(HttpPipeline pipeline, URI resourceManager) {
    this.pipeline = pipeline;
    this.resourceManager = resourceManager;
  }

  @Override
  public OperationStatus status(AzureOperation operation) {
    if (operation.polling() == AzureOperation.Polling.COMPLETED) {
      return OperationStatus.of(OperationState.SUCCEEDED);
    }
    URI url =
        ResourceManagerUrls.requireOn(resourceManager, operation.statusUrl(), "an operation URL");
    try (HttpResponse response =
        AzureErrors.call(
            () ->
                pipeline.sendSync(new HttpRequest(HttpMethod.GET, url.toString()), Context.NONE))) {
      int status = response.getStatusCode();
      String body = AzureErrors.call(() -> response.getBodyAsBinaryData().toString());
      JsonNode json = parse(body);
      if (status >= 400) {
        JsonNode error = json.path("error");
        throw AzureErrors.of(
            status,
            error.path("code").asText(""),
            error.path("message").asText("Azure answered " + status + " for " + url),
            null,
            AzureErrors.retryAfter(response),
            null);
      }
      if (operation.polling() == AzureOperation.Polling.LOCATION) {
        return OperationStatus.of(
            status == 202 ? OperationState.IN_PROGRESS : OperationState.SUCCEEDED);
      }
      return asyncOperationStatus(json);
    }
  }

  /** An {@code Azure-AsyncOperation} body: {@code {"status": "...", "error": {...}}}. */
  static OperationStatus asyncOperationStatus(JsonNode body) {
    String status = body.path("status").asText("InProgress").toLowerCase(Locale.ROOT);
    OperationState state =
        switch (status) {
          case "succeeded" -> OperationState.SUCCEEDED;
          case "failed" -> OperationState.FAILED;
          case "canceled", "cancelled" -> OperationState.CANCELED;
          default -> OperationState.IN_PROGRESS;
        };
    JsonNode error = body.path("error");
    return new OperationStatus(
        state, error.path("code").asText(""), error.path("message").asText(""));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
