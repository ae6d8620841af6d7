package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the emulated service answers with: an HTTP status and the ARM error body {@code
 * {"error":{"code","message","target"?,"details"?}}}.
 */
public final class ArmException extends RuntimeException {

  /** One entry of {@code error.details}. */
  public record Detail(String code, String message) {}

  private final int status;
  private final String code;
  private final String target;
  private final List<Detail> details;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ArmException(int status, String code, String message) {
    this(status, code, message, null, List.of());
  }

  public ArmException(
      int status, String code, String message, String target, List<Detail> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.target = target;
    this.details = List.copyOf(details);
  }

  ArmException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The {@code error} object alone, as long-running operations and resize errors embed it. */
  ObjectNode errorObject() {
    ObjectNode error = EmulatorJson.object();
    error.put("code", code);
    error.put("message", getMessage());
    if (target != null) {
      error.put("target", target);
    }
    if (!details.isEmpty()) {
      ArrayNode array = error.putArray("details");
      for (Detail detail : details) {
        array.addObject().put("code", detail.code()).put("message", detail.message());
      }
    }
    return error;
  }

  public ArmResponse toResponse() {
    ObjectNode body = EmulatorJson.object();
    body.set("error", errorObject());
    ArmResponse response = ArmResponse.json(status, body);
    headers.forEach(response::header);
    return response;
  }
}
