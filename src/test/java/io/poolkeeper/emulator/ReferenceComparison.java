package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the emulator answered with a reference answer, both ways: a field the reference has
 * must be there with the same value, and a field the emulator adds that the reference lacks is a
 * mismatch too (replay tests accept it only as a named deliberate difference). Values that are
 * necessarily different on every run are not compared; {@link #INSTANCE_SPECIFIC} names them.
 */
final class ReferenceComparison {

  /**
   * Fields whose values differ by instance and time, never compared (only their presence is):
   * timestamps, ETags, generated IDs and operation names (GUIDs).
   */
  static final Set<String> INSTANCE_SPECIFIC =
      Set.of(
          "etag",
          "lastModified",
          "creationTime",
          "provisioningStateTransitionTime",
          "allocationStateTransitionTime",
          "startTime",
          "endTime",
          "timeCreated",
          "publishedDate",
          "evaluationTime",
          "uniqueId",
          "vmId");

  /**
   * One field where the emulator's answer differs from the reference; {@code expected} is {@code
   * null} where only the emulator has the field, {@code actual} where only the reference has it.
   */
  record Mismatch(String pointer, JsonNode expected, JsonNode actual) {

    @Override
    public String toString() {
      return pointer
          + ": reference "
          + (expected == null ? "absent" : expected)
          + ", emulator "
          + (actual == null ? "absent" : actual);
    }
  }

  private ReferenceComparison() {}

  static List<Mismatch> compare(JsonNode expected, JsonNode actual) {
    List<Mismatch> mismatches = new ArrayList<>();
    compare("", expected, actual, mismatches);
    return mismatches;
  }

  /** The node at a pointer produced by {@link #compare}, or {@code null}. */
  static JsonNode at(JsonNode root, String pointer) {
    JsonNode node = root;
    for (String part : pointer.substring(1).split("/")) {
      if (node == null) {
        return null;
      }
      node = step(node, part);
    }
    return node;
  }

  private static JsonNode step(JsonNode node, String part) {
    if (part.startsWith("[") && part.endsWith("]")) {
      String name = part.substring(1, part.length() - 1);
      for (JsonNode item : node) {
        if (name.equals(item.path("name").asText(null))) {
          return item;
        }
      }
      return null;
    }
    if (node.isArray()) {
      return node.get(Integer.parseInt(part));
    }
    return node.get(part);
  }

  private static void compare(
      String pointer, JsonNode expected, JsonNode actual, List<Mismatch> mismatches) {
    if (actual == null || actual.isMissingNode()) {
      mismatches.add(new Mismatch(pointer, expected, null));
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        mismatches.add(new Mismatch(pointer, expected, actual));
        return;
      }
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String child = pointer + "/" + field.getKey();
        if (INSTANCE_SPECIFIC.contains(field.getKey())) {
          if (!actual.has(field.getKey())) {
            mismatches.add(new Mismatch(child, field.getValue(), null));
          }
          continue;
        }
        compare(child, field.getValue(), actual.get(field.getKey()), mismatches);
      }
      for (Map.Entry<String, JsonNode> field : actual.properties()) {
        if (!expected.has(field.getKey())) {
          mismatches.add(new Mismatch(pointer + "/" + field.getKey(), null, field.getValue()));
        }
      }
      return;
    }
    if (expected.isArray()) {
      compareArrays(pointer, expected, actual, mismatches);
      return;
    }
    if (!sameScalar(expected, actual)) {
      mismatches.add(new Mismatch(pointer, expected, actual));
    }
  }

  /** Arrays of named objects are matched by name (lists need not keep order), others by index. */
  private static void compareArrays(
      String pointer, JsonNode expected, JsonNode actual, List<Mismatch> mismatches) {
    if (!actual.isArray()) {
      mismatches.add(new Mismatch(pointer, expected, actual));
      return;
    }
    boolean named = expected.size() > 0;
    for (JsonNode item : expected) {
      named &= item.isObject() && item.hasNonNull("name");
    }
    if (!named && expected.size() != actual.size()) {
      mismatches.add(new Mismatch(pointer + "/length", size(expected), size(actual)));
    }
    Set<String> expectedNames = new HashSet<>();
    for (int i = 0; i < expected.size(); i++) {
      JsonNode item = expected.get(i);
      if (named) {
        String part = "[" + item.get("name").asText() + "]";
        expectedNames.add(item.get("name").asText());
        compare(pointer + "/" + part, item, step(actual, part), mismatches);
      } else if (i < actual.size()) {
        compare(pointer + "/" + i, item, actual.get(i), mismatches);
      }
    }
    if (named) {
      for (JsonNode item : actual) {
        String name = item.path("name").asText(null);
        if (!expectedNames.contains(name)) {
          mismatches.add(new Mismatch(pointer + "/[" + name + "]", null, item));
        }
      }
    }
  }

  private static boolean sameScalar(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }

  private static JsonNode size(JsonNode array) {
    return EmulatorJson.toTree(array.size());
  }
}
