package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits ARM puts on the tags of every resource, resource group and subscription (Azure docs,
 * "Use tags to organize your Azure resources", Limitations): at most 50 tags, names at most 512
 * characters and without {@code < > % & \ ? /} or control characters, values at most 256
 * characters. Codes and wording are ARM's, as listed where the sources are named in {@link
 * ArmErrors}.
 */
public final class ArmTags {

  static final int MAX_TAGS = 50;
  static final int MAX_NAME_LENGTH = 512;
  static final int MAX_VALUE_LENGTH = 256;

  private ArmTags() {}

  /** Refuses tags ARM would refuse; {@code null} or absent tags are fine. */
  public static void check(JsonNode tags) {
    ArmException problem = problem(tags);
    if (problem != null) {
      throw problem;
    }
  }

  /** The error ARM answers for these tags, or {@code null} if it accepts them. */
  public static ArmException problem(JsonNode tags) {
    if (tags == null || tags.isNull() || tags.isMissingNode()) {
      return null;
    }
    if (!tags.isObject()) {
      return ArmErrors.invalidRequestContent("tags must be an object of name/value pairs");
    }
    if (tags.size() > MAX_TAGS) {
      return ArmErrors.tooManyTags(tags.size(), MAX_TAGS);
    }
    List<String> reservedCharacters = new ArrayList<>();
    List<String> longNames = new ArrayList<>();
    List<String> longValues = new ArrayList<>();
    for (Map.Entry<String, JsonNode> tag : tags.properties()) {
      String name = tag.getKey();
      if (name.isBlank()) {
        return ArmErrors.emptyTagName();
      }
      if (hasReservedCharacter(name)) {
        reservedCharacters.add(name);
      }
      if (name.length() > MAX_NAME_LENGTH) {
        longNames.add(name);
      }
      String value = tag.getValue().isNull() ? "" : tag.getValue().asText();
      if (value.length() > MAX_VALUE_LENGTH) {
        longValues.add(value);
      }
    }
    if (!reservedCharacters.isEmpty()) {
      return ArmErrors.tagNameCharacters(reservedCharacters);
    }
    if (!longNames.isEmpty()) {
      return ArmErrors.tagNameTooLong(longNames, MAX_NAME_LENGTH);
    }
    if (!longValues.isEmpty()) {
      return ArmErrors.tagValueTooLong(longValues, MAX_VALUE_LENGTH);
    }
    return null;
  }

  private static boolean hasReservedCharacter(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ("<>%&\\?/".indexOf(c) >= 0 || Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }
}
