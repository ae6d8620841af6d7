package io.poolkeeper.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link PoolService} on the Batch management REST API at api-version {@value #API_VERSION},
 * through the same azure-core pipeline as every other adapter (token, retries, trusted CA, JDK HTTP
 * client, operation capture), with our own JSON models ({@link PoolJson}). The Batch SDK served to
 * this build (azure-resourcemanager-batch 1.0.0) stops at 2022-01-01, which knows no {@code
 * securityProfile} or {@code upgradePolicy} and cannot change vmSize or the image in place.
 */
final class ArmPoolService implements PoolService {

  /** The newest stable Batch management API. */
  static final String API_VERSION = "2026-08-01";

  /**
   * What {@link PoolInfo} needs of each pool when a whole account is listed ({@code $select} takes
   * only top-level properties under {@code properties/}, Pool_ListByBatchAccount).
   */
  static final String LIST_SELECT =
      String.join(
          ",",
          "id",
          "name",
          "etag",
          "identity",
          "tags",
          "properties/displayName",
          "properties/provisioningState",
          "properties/allocationState",
          "properties/allocationStateTransitionTime",
          "properties/vmSize",
          "properties/deploymentConfiguration",
          "properties/scaleSettings",
          "properties/currentDedicatedNodes",
          "properties/currentLowPriorityNodes",
          "properties/interNodeCommunication",
          "properties/networkConfiguration",
          "properties/taskSlotsPerNode",
          "properties/taskSchedulingPolicy",
          "properties/userAccounts",
          "properties/resizeOperationStatus",
          "properties/startTask",
          "properties/metadata",
          "properties/applicationPackages",
          "properties/mountConfiguration",
          "properties/upgradePolicy");

  private static final int PAGE_SIZE = 100;
  private static final HttpHeaderName IF_NONE_MATCH = HttpHeaderName.fromString("If-None-Match");

  private final HttpPipeline pipeline;
  private final URI resourceManager;

  ArmPoolService(HttpPipeline pipeline, URI resourceManager) {
    this.pipeline = pipeline;
    this.resourceManager = resourceManager;
  }

  @Override
  public PoolInfo create(PoolDefinition definition) {
    HttpRequest request =
        jsonRequest(
            HttpMethod.PUT,
            url(definition.pool().resourceId()),
            PoolJson.createBody(definition.settings()));
    // If-None-Match: * makes this a create, never a replace of a pool someone else made.
    request.setHeader(IF_NONE_MATCH, "*");
    return pool(send(request));
  }

  @Override
  public Optional<PoolInfo> get(PoolRef pool) {
    try {
      return Optional.of(pool(send(new HttpRequest(HttpMethod.GET, url(pool.resourceId())))));
    } catch (AzureException.NotFound e) {
      if (e.parentMissing()) {
        throw e;
      }
      return Optional.empty();
    }
  }

  @Override
  public List<PoolInfo> list(BatchAccountRef account) {
    List<PoolInfo> pools = new ArrayList<>();
    String next =
        url(account.resourceId() + "/pools")
            + "&maxresults="
            + PAGE_SIZE
            + "&%24select="
            + URLEncoder.encode(LIST_SELECT, StandardCharsets.UTF_8);
    while (next != null) {
      Answer answer =
          send(
              new HttpRequest(
                  HttpMethod.GET,
                  ResourceManagerUrls.requireOn(resourceManager, next, "a nextLink").toString()));
      PoolJson.ListPoolsResult page = parse(answer.body(), PoolJson.ListPoolsResult.class);
      if (page.value() != null) {
        page.value().forEach(pool -> pools.add(PoolJson.info(pool, null)));
      }
      next = page.nextLink() == null || page.nextLink().isBlank() ? null : page.nextLink();
    }
    return pools;
  }

  @Override
  public PoolInfo patch(PoolRef pool, PoolPatch patch) {
    HttpRequest request =
        jsonRequest(HttpMethod.PATCH, url(pool.resourceId()), PoolJson.patchBody(patch));
    if (patch.ifMatch() != null) {
      request.setHeader(HttpHeaderName.IF_MATCH, patch.ifMatch());
    }
    return pool(send(request));
  }

  @Override
  public PoolInfo stopResize(PoolRef pool) {
    return pool(send(new HttpRequest(HttpMethod.POST, url(pool.resourceId() + "/stopResize"))));
  }

  @Override
  public PoolInfo disableAutoScale(PoolRef pool) {
    return pool(
        send(new HttpRequest(HttpMethod.POST, url(pool.resourceId() + "/disableAutoScale"))));
  }

  @Override
  public AzureOperation beginDelete(PoolRef pool) {
    HttpRequest request = new HttpRequest(HttpMethod.DELETE, url(pool.resourceId()));
    try {
      return send(request).operation();
    } catch (AzureException.NotFound e) {
      return AzureOperation.completed();
    }
  }

  /** An answer read whole: status, body, ETag and the operation it names. */
  private record Answer(String body, String etag, AzureOperation operation) {}

  /** Sends the request; an error answer becomes its {@link AzureException}. */
  private Answer send(HttpRequest request) {
    try (HttpResponse response = AzureErrors.call(() -> pipeline.sendSync(request, Context.NONE))) {
      String body = AzureErrors.call(() -> response.getBodyAsBinaryData().toString());
      if (response.getStatusCode() >= 400) {
        throw AzureErrors.fromResponse(response, body);
      }
      return new Answer(
          body,
          response.getHeaderValue(HttpHeaderName.ETAG),
          OperationCapture.operationOf(response));
    }
  }

  private static PoolInfo pool(Answer answer) {
    return PoolJson.info(parse(answer.body(), PoolJson.Pool.class), answer.etag());
  }

  private static <T> T parse(String body, Class<T> type) {
    try {
      return PoolJson.JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new AzureException.Transient(
          0, "", "Azure answered a pool request with a body that is not a pool", e);
    }
  }

  private static HttpRequest jsonRequest(HttpMethod method, String url, JsonNode body) {
    HttpRequest request =
        new HttpRequest(method, url)
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
            .setBody(body.toString());
    // The JDK HTTP client sets Content-Length itself and warns about a caller's.
    request.getHeaders().remove(HttpHeaderName.CONTENT_LENGTH);
    return request;
  }

  private String url(String resourceId) {
    String base = resourceManager.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + resourceId + "?api-version=" + API_VERSION;
  }
}
