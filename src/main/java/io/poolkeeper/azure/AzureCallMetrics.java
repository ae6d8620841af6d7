package io.poolkeeper.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts every HTTP request sent to Azure (each retry too: throttling shows per try) by method, ARM
 * resource type and HTTP status, as {@code poolkeeper_azure_requests_total}.
 */
final class AzureCallMetrics extends HttpPipelineSyncPolicy {

  static final String REQUESTS = "poolkeeper.azure.requests";

  private final MeterRegistry registry;

  AzureCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected HttpResponse afterReceivedResponse(
      HttpPipelineCallContext context, HttpResponse response) {
    Counter.builder(REQUESTS)
        .description("HTTP requests sent to Azure Resource Manager")
        .tag("method", context.getHttpRequest().getHttpMethod().name())
        .tag("resource_type", resourceType(context.getHttpRequest().getUrl().getPath()))
        .tag("status", Integer.toString(response.getStatusCode()))
        .register(registry)
        .increment();
    return response;
  }

  /**
   * The ARM resource type a path addresses, e.g. {@code Microsoft.Compute/galleries/images} for
   * {@code .../providers/Microsoft.Compute/galleries/g/images/i}: the namespace after the last
   * {@code providers} and every type segment after it. A name never becomes a label value, so the
   * number of series stays bounded.
   */
  static String resourceType(String path) {
    String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
    int providers = -1;
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equalsIgnoreCase("providers")) {
        providers = i;
      }
    }
    if (providers < 0 || providers + 2 >= segments.length) {
      if (segments.length >= 3 && segments[2].equalsIgnoreCase("resourceGroups")) {
        return "resourceGroups";
      }
      return segments.length > 0 && !segments[0].isEmpty() ? segments[0] : "root";
    }
    List<String> type = new ArrayList<>();
    type.add(segments[providers + 1]);
    for (int i = providers + 2; i < segments.length; i += 2) {
      type.add(segments[i]);
    }
    return String.join("/", type);
  }
}
