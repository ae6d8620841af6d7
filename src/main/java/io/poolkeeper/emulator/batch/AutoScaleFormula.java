package io.poolkeeper.emulator.batch;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator does not evaluate autoscale formulas. It understands only constant assignments of
 * the target variables ({@code $TargetDedicatedNodes = 5; $TargetLowPriorityNodes = 0}, optionally
 * {@code $NodeDeallocationOption = taskcompletion}); any other statement makes the formula opaque,
 * and an opaque formula leaves the pool's nodes where they are.
 */
final class AutoScaleFormula {

  /** The targets a constant formula sets; a variable the formula leaves out keeps its value. */
  record Targets(Integer dedicated, Integer lowPriority, String nodeDeallocationOption) {}

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "^\\$(TargetDedicatedNodes|TargetDedicated|TargetLowPriorityNodes|NodeDeallocationOption)"
              + "\\s*=\\s*([A-Za-z]+|\\d+)$");

  private AutoScaleFormula() {}

  static Optional<Targets> constantTargets(String formula) {
    if (formula == null) {
      return Optional.empty();
    }
    Integer dedicated = null;
    Integer lowPriority = null;
    String deallocation = null;
    for (String statement : formula.split("[;\\n]")) {
      String trimmed = statement.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      Matcher matcher = ASSIGNMENT.matcher(trimmed);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      String variable = matcher.group(1);
      String value = matcher.group(2);
      boolean numeric = value.chars().allMatch(Character::isDigit);
      if (variable.equals("NodeDeallocationOption")) {
        if (numeric) {
          return Optional.empty();
        }
        deallocation = value;
      } else if (!numeric) {
        return Optional.empty();
      } else if (variable.equals("TargetLowPriorityNodes")) {
        lowPriority = Integer.valueOf(value);
      } else {
        dedicated = Integer.valueOf(value);
      }
    }
    if (dedicated == null && lowPriority == null) {
      return Optional.empty();
    }
    return Optional.of(new Targets(dedicated, lowPriority, deallocation));
  }
}
