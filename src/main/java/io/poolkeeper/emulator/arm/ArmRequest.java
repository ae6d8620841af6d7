package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One HTTP request as the emulator sees it: decoded path segments (empty ones dropped, as ARM
 * collapses duplicate slashes), query parameters and headers looked up without regard to case, and
 * the JSON body if there is one.
 *
 * @param baseUri the scheme, host and port the client used, ending in a slash; operation URLs the
 *     emulator hands out start with it
 * @param requestId the {@code x-ms-request-id} of the response, also quoted in Batch error messages
 */
public record ArmRequest(
    String method,
    List<String> segments,
    SortedMap<String, String> query,
    SortedMap<String, String> headers,
    JsonNode body,
    URI baseUri,
    String requestId) {

  public ArmRequest {
    segments = List.copyOf(segments);
    query = Collections.unmodifiableSortedMap(caseInsensitive(query));
    headers = Collections.unmodifiableSortedMap(caseInsensitive(headers));
  }

  private static SortedMap<String, String> caseInsensitive(Map<String, String> values) {
    SortedMap<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.putAll(values);
    return map;
  }

  public String query(String name) {
    return query.get(name);
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String apiVersion() {
    return query.get("api-version");
  }

  String path() {
    return "/" + String.join("/", segments);
  }

  /** The body as a JSON object; an absent body counts as an empty object. */
  public ObjectNode bodyObject() {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return EmulatorJson.object();
    }
    if (body instanceof ObjectNode object) {
      return object.deepCopy();
    }
    throw ArmErrors.invalidRequestContent("the request body must be a JSON object");
  }

  /** The same request sent by someone else, for out-of-band changes made through the admin API. */
  public static ArmRequest internal(
      String method, ResourceId target, String apiVersion, JsonNode body, URI baseUri) {
    List<String> segments = List.of(target.toString().substring(1).split("/"));
    return new ArmRequest(
        method,
        segments,
        new TreeMap<>(Map.of("api-version", apiVersion)),
        new TreeMap<>(Map.of("Authorization", "Bearer emulator-admin")),
        body,
        baseUri,
        UUID.randomUUID().toString());
  }
}
