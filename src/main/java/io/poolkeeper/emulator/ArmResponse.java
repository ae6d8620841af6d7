package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response on its way back to the client: status, headers and an optional JSON body. */
final class ArmResponse {

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final JsonNode body;

  private ArmResponse(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  static ArmResponse json(int status, JsonNode body) {
    return new ArmResponse(status, body);
  }

  static ArmResponse empty(int status) {
    return new ArmResponse(status, null);
  }

  ArmResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  JsonNode body() {
    return body;
  }
}
