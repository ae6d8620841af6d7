package io.poolkeeper.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates objects against the openAPIV3Schema of the committed CRDs with a JSON-schema validator,
 * as strictly as {@code kubectl apply} (which rejects unknown fields): every object schema with
 * properties gets {@code additionalProperties: false}. CEL rules are not evaluated here; the
 * API-server tests prove them.
 */
public final class CrdSchemaValidator {

  private final Map<String, JsonSchema> specSchemaByKind = new TreeMap<>();

  public CrdSchemaValidator(Map<String, JsonNode> crdsByKind) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    crdsByKind.forEach(
        (kind, crd) -> {
          JsonNode spec =
              ProjectFiles.openApiSchema(crd).path("properties").path("spec").deepCopy();
          forbidUnknownFields(spec);
          specSchemaByKind.put(kind, factory.getSchema(spec));
        });
  }

  /** The errors of one object, empty when it is valid. */
  public List<String> errors(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    if (!apiVersion.equals(ApiGroup.NAME + "/" + ApiGroup.VERSION)) {
      return List.of("apiVersion must be poolkeeper.io/v1alpha1, not '" + apiVersion + "'");
    }
    JsonSchema schema = specSchemaByKind.get(object.path("kind").asText());
    if (schema == null) {
      return List.of("unknown kind " + object.path("kind"));
    }
    if (!object.path("metadata").hasNonNull("name")) {
      return List.of("metadata.name is required");
    }
    return schema.validate(object.path("spec")).stream()
        .map(ValidationMessage::getMessage)
        .map(message -> message.replaceFirst("^\\$", "spec"))
        .toList();
  }

  private static void forbidUnknownFields(JsonNode schema) {
    if (schema instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.forEach(CrdSchemaValidator::forbidUnknownFields);
    } else if (schema != null && schema.isArray()) {
      schema.forEach(CrdSchemaValidator::forbidUnknownFields);
    }
  }
}
