package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.util.Objects;

/**
 * A field where the emulator deliberately answers differently from a reference document, with the
 * reason and the value the emulator gives instead ({@code null} when it leaves the field out).
 * Replay tests skip the field when comparing and assert the emulator's value instead, so every
 * difference is an executable fact.
 *
 * @param name what the difference is, in a few words (the test is named after it)
 * @param file the reference file, relative to the reference root
 * @param pointer the field, as {@link ReferenceComparison} names it
 * @param reason why the emulator differs
 * @param emulatorValue what the emulator answers there
 * @param anyValue whether the emulator answers the field with a value that differs by run (an ETag,
 *     a timestamp), so that only its presence is asserted
 */
record DeliberateDifference(
    String name,
    String file,
    String pointer,
    String reason,
    JsonNode emulatorValue,
    boolean anyValue) {

  String testName() {
    return "deliberateDifference_" + name;
  }

  static DeliberateDifference of(
      String name, String file, String pointer, String reason, String emulatorJson) {
    return new DeliberateDifference(
        name,
        file,
        pointer,
        reason,
        emulatorJson == null ? null : EmulatorJson.parse(emulatorJson),
        false);
  }

  /** The emulator answers a field the reference lacks, with a value that differs by run. */
  static DeliberateDifference present(String name, String file, String pointer, String reason) {
    return new DeliberateDifference(name, file, pointer, reason, null, true);
  }

  /** Whether the emulator's value at the field is the one this difference names. */
  boolean matches(JsonNode actual) {
    return anyValue
        ? actual != null && !actual.isMissingNode()
        : Objects.equals(actual, emulatorValue);
  }
}
