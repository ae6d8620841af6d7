package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;

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
 */
record DeliberateDifference(
    String name, String file, String pointer, String reason, JsonNode emulatorValue) {

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
        emulatorJson == null ? null : EmulatorJson.parse(emulatorJson));
  }
}
