package io.poolkeeper.emulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmGateway;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResponse;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns HTTP exchanges into {@link ArmRequest}s and responses back into bytes. Paths under {@code
 * /_emulator/} go to the admin API, everything else to ARM.
 */
public final class EmulatorHttpHandler implements HttpHandler {

  static final String ADMIN_PREFIX = "_emulator";

  private final ArmGateway gateway;
  private final AdminHttpHandler admin;
  private final URI endpoint;

  public EmulatorHttpHandler(ArmGateway gateway, AdminHttpHandler admin, URI endpoint) {
    this.gateway = gateway;
    this.admin = admin;
    this.endpoint = endpoint;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ArmResponse response;
      ArmRequest request = null;
      try {
        request = read(exchange);
        boolean isAdmin =
            !request.segments().isEmpty() && request.segments().get(0).equals(ADMIN_PREFIX);
        response = isAdmin ? admin.handle(request) : gateway.handle(request);
      } catch (ArmException e) {
        response = e.toResponse();
      }
      if (response.isCutOff()) {
        // Closing the exchange before any response header closes the connection: the client
        // reads end-of-stream, as when a connection is cut between Azure and its caller.
        return;
      }
      write(exchange, request, response);
    }
  }

  private ArmRequest read(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    List<String> segments = new ArrayList<>();
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    // Decoded before splitting: the SDK sends a lock's scope as one segment with %2F in it, and
    // ARM treats an encoded slash as a slash (no ARM name may contain one).
    for (String segment : rawPath.split("/")) {
      for (String part : decodePathSegment(segment).split("/")) {
        if (!part.isEmpty()) {
          segments.add(part);
        }
      }
    }
    SortedMap<String, String> query = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        query.put(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    SortedMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!header.getValue().isEmpty()) {
        headers.put(header.getKey(), header.getValue().get(0));
      }
    }
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    JsonNode body = null;
    if (bytes.length > 0) {
      try {
        body = EmulatorJson.MAPPER.readTree(bytes);
      } catch (JsonProcessingException e) {
        throw ArmErrors.invalidRequestContent(e.getOriginalMessage());
      }
    }
    return new ArmRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        segments,
        query,
        headers,
        body,
        baseUri(exchange),
        UUID.randomUUID().toString());
  }

  /** The base the client used, so operation URLs work for 127.0.0.1 and localhost alike. */
  private URI baseUri(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || host.isBlank()) {
      return endpoint;
    }
    return URI.create("https://" + host + "/");
  }

  private static void write(HttpExchange exchange, ArmRequest request, ArmResponse response)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    response.headers().forEach(headers::set);
    if (request == null) {
      headers.set("x-ms-request-id", UUID.randomUUID().toString());
    }
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    if (response.body() == null || head || response.status() == 204) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = EmulatorJson.MAPPER.writeValueAsBytes(response.body());
    headers.set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Percent-decoding for one path segment ({@code +} stays a plus, unlike in queries). */
  static String decodePathSegment(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      int hex = c == '%' && i + 2 < segment.length() ? hexByte(segment, i + 1) : -1;
      if (hex >= 0) {
        bytes.write(hex);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hexByte(String text, int start) {
    int high = Character.digit(text.charAt(start), 16);
    int low = Character.digit(text.charAt(start + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
