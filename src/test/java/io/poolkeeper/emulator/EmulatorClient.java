package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A test client for the emulator over real HTTPS: the JDK HTTP client, trusting the emulator's CA
 * and nothing else, sending a bearer token on ARM requests.
 */
public final class EmulatorClient {

  /** What came back: status, headers and the JSON body (null if empty). */
  public record Reply(int status, HttpHeaders headers, JsonNode body) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The error code of an ARM error body. */
    public String errorCode() {
      return body == null ? null : body.path("error").path("code").asText(null);
    }

    public String errorMessage() {
      return body == null ? null : body.path("error").path("message").asText(null);
    }
  }

  private final HttpClient http;
  private final URI endpoint;

  public EmulatorClient(AzureEmulator emulator) {
    this(emulator.endpoint(), emulator.clientSslContext());
  }

  public EmulatorClient(URI endpoint, SSLContext trust) {
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trust).build();
  }

  public Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Reply head(String path) {
    return send("HEAD", path, null, Map.of());
  }

  public Reply put(String path, JsonNode body) {
    return send("PUT", path, body, Map.of());
  }

  public Reply patch(String path, JsonNode body) {
    return send("PATCH", path, body, Map.of());
  }

  public Reply post(String path, JsonNode body) {
    return send("POST", path, body, Map.of());
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** An ARM request with {@code headers} and a bearer token unless they name their own. */
  public Reply send(String method, String path, JsonNode body, Map<String, String> headers) {
    HttpRequest.Builder request = request(method, path, body);
    if (!headers.containsKey("Authorization")) {
      request.header("Authorization", "Bearer test-token");
    }
    headers.forEach(request::header);
    return exchange(request.build());
  }

  /** A request without the Authorization header. */
  public Reply anonymous(String method, String path, JsonNode body) {
    return exchange(request(method, path, body).build());
  }

  /** A call of the admin API ({@code path} below {@code /_emulator/}). */
  public Reply admin(String method, String path, JsonNode body) {
    return anonymous(method, "/_emulator/" + path, body);
  }

  /** Follows an absolute URL the emulator handed out (operation status, nextLink). */
  public Reply getUrl(String url) {
    return exchange(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer test-token")
            .GET()
            .build());
  }

  private HttpRequest.Builder request(String method, String path, JsonNode body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(EmulatorJson.write(body));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint.resolve(path.startsWith("/") ? path.substring(1) : path))
            .method(method, publisher);
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder;
  }

  private Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode body = text == null || text.isEmpty() ? null : EmulatorJson.parse(text);
      return new Reply(response.statusCode(), response.headers(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
