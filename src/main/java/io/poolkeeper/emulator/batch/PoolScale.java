package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.ArmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a pool's {@code scaleSettings} ask for: fixed targets, or an autoscale formula whose
 * constant targets the emulator can read (see {@link AutoScaleFormula}). {@code dedicated} and
 * {@code lowPriority} are {@code null} where the settings leave a count alone.
 */
record PoolScale(
    boolean autoScale,
    Integer dedicated,
    Integer lowPriority,
    Duration resizeTimeout,
    String nodeDeallocationOption) {

  static final Duration MINIMUM_RESIZE_TIMEOUT = Duration.ofMinutes(5);
  static final String DEFAULT_DEALLOCATION = "Requeue";

  /** Reads and validates {@code scaleSettings}; a missing one means a fixed pool of zero nodes. */
  static PoolScale of(JsonNode scaleSettings, Validation validation) {
    JsonNode fixed = scaleSettings.path("fixedScale");
    JsonNode auto = scaleSettings.path("autoScale");
    if (fixed.isObject() && auto.isObject()) {
      throw validation.invalid(
          "scaleSettings", "both", "Specify either fixedScale or autoScale, not both.");
    }
    if (auto.isObject()) {
      String formula = auto.path("formula").asText(null);
      if (formula == null) {
        throw validation.missing("formula");
      }
      return AutoScaleFormula.constantTargets(formula)
          .map(
              targets ->
                  new PoolScale(
                      true,
                      targets.dedicated(),
                      targets.lowPriority(),
                      ResizeOperation.DEFAULT_TIMEOUT,
                      deallocation(targets.nodeDeallocationOption())))
          .orElseGet(
              () ->
                  new PoolScale(
                      true, null, null, ResizeOperation.DEFAULT_TIMEOUT, DEFAULT_DEALLOCATION));
    }
    int dedicated = count(fixed, "targetDedicatedNodes", validation);
    int lowPriority = count(fixed, "targetLowPriorityNodes", validation);
    Duration timeout = ResizeOperation.DEFAULT_TIMEOUT;
    String timeoutText = fixed.path("resizeTimeout").asText(null);
    if (timeoutText != null) {
      try {
        timeout = Duration.parse(timeoutText);
      } catch (DateTimeParseException e) {
        throw validation.invalid(
            "resizeTimeout", timeoutText, "The resize timeout must be an ISO 8601 duration.");
      }
      if (timeout.compareTo(MINIMUM_RESIZE_TIMEOUT) < 0) {
        throw validation.invalid(
            "resizeTimeout",
            timeoutText,
            "The specified resize timeout is less than the minimum of 5 minutes.");
      }
    }
    return new PoolScale(
        false,
        dedicated,
        lowPriority,
        timeout,
        deallocation(fixed.path("nodeDeallocationOption").asText(null)));
  }

  boolean isOpaqueAutoScale() {
    return autoScale && dedicated == null && lowPriority == null;
  }

  /** How a caller reports invalid settings (Batch errors need the request). */
  interface Validation {
    ArmException invalid(String property, String value, String reason);

    ArmException missing(String property);
  }

  private static int count(JsonNode fixed, String field, Validation validation) {
    JsonNode value = fixed.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.canConvertToInt() || value.asInt() < 0) {
      throw validation.invalid(
          field, value.asText(), "The number of nodes must be a non-negative integer.");
    }
    return value.asInt();
  }

  /** Batch spells the options in PascalCase; formulas may use any case. */
  private static String deallocation(String option) {
    if (option == null) {
      return DEFAULT_DEALLOCATION;
    }
    for (String known : new String[] {"Requeue", "Terminate", "TaskCompletion", "RetainedData"}) {
      if (known.toLowerCase(Locale.ROOT).equals(option.toLowerCase(Locale.ROOT))) {
        return known;
      }
    }
    return option;
  }
}
