package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response on its way back to the client: status, headers and an optional JSON body. */
public final class ArmResponse {

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final JsonNode body;
  private boolean cutOff;

  private ArmResponse(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  public static ArmResponse json(int status, JsonNode body) {
    return new ArmResponse(status, body);
  }

  public static ArmResponse empty(int status) {
    return new ArmResponse(status, null);
  }

  public ArmResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * This response, never sent: the connection closes instead (an injected cut-off), after the
   * request was carried out.
   */
  public ArmResponse cutOff() {
    cutOff = true;
    return this;
  }

  public boolean isCutOff() {
    return cutOff;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public JsonNode body() {
    return body;
  }
}
