package io.poolkeeper.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A broken variant of an example object, from {@code invalid-variants.yaml}: which object, how it
 * is broken, what must reject it and what the rejection must say.
 */
public record InvalidVariant(
    String name,
    String example,
    String kind,
    List<String> remove,
    Map<String, JsonNode> set,
    RejectedBy rejectedBy,
    String expect) {

  /** What rejects a variant. */
  public enum RejectedBy {
    /** The openAPIV3Schema. */
    schema,
    /** A CEL rule, on create. */
    cel,
    /** A CEL transition rule, on update from the unchanged example. */
    cel_update
  }

  public InvalidVariant {
    remove = remove == null ? List.of() : remove;
    set = set == null ? Map.of() : set;
  }

  public static List<InvalidVariant> all() {
    try (InputStream in = InvalidVariant.class.getResourceAsStream("/invalid-variants.yaml")) {
      String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      // YAML says cel-update; a Java constant cannot.
      return ProjectFiles.YAML.readValue(
          yaml.replace("rejectedBy: cel-update", "rejectedBy: cel_update"),
          new TypeReference<List<InvalidVariant>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<InvalidVariant> rejectedBy(RejectedBy by) {
    return all().stream().filter(v -> v.rejectedBy() == by).toList();
  }

  /** The example object this variant starts from, unchanged. */
  public ObjectNode original() {
    return ProjectFiles.example(example, kind);
  }

  /** The example object with this variant's changes applied. */
  public ObjectNode broken() {
    ObjectNode object = original();
    remove.forEach(pointer -> JsonPointers.remove(object, pointer));
    set.forEach((pointer, value) -> JsonPointers.set(object, pointer, value.deepCopy()));
    return object;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Minimal JSON-pointer edits: set creates missing objects, an index one past the end appends. */
  static final class JsonPointers {
    private JsonPointers() {}

    static void remove(ObjectNode root, String pointer) {
      JsonNode parent = root.at(parentOf(pointer));
      String last = lastOf(pointer);
      if (parent instanceof ObjectNode object && object.has(last)) {
        object.remove(last);
      } else if (parent instanceof ArrayNode array) {
        array.remove(Integer.parseInt(last));
      } else {
        throw new IllegalArgumentException("nothing to remove at " + pointer);
      }
    }

    static void set(ObjectNode root, String pointer, JsonNode value) {
      JsonNode parent = containerAt(root, parentOf(pointer));
      String last = lastOf(pointer);
      if (parent instanceof ObjectNode object) {
        object.set(last, value);
      } else if (parent instanceof ArrayNode array) {
        int index = Integer.parseInt(last);
        if (index == array.size()) {
          array.add(value);
        } else {
          array.set(index, value);
        }
      } else {
        throw new IllegalArgumentException("cannot set " + pointer);
      }
    }

    private static JsonNode containerAt(ObjectNode root, String pointer) {
      JsonNode node = root;
      if (pointer.isEmpty()) {
        return node;
      }
      for (String step : pointer.substring(1).split("/")) {
        JsonNode next = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        if (next == null && node instanceof ObjectNode object) {
          next = object.putObject(step);
        }
        node = next;
      }
      return node;
    }

    private static String parentOf(String pointer) {
      return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String lastOf(String pointer) {
      return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
  }
}
