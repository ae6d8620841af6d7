package io.poolkeeper.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulator reads from a VM size name, since it has no size catalogue: the core count is
 * the first number in the name ({@code Standard_D4s_v5} has 4, a name without a number 1), and the
 * quota family follows Azure's naming ({@code Standard_D4s_v5} is {@code standardDSv5Family},
 * {@code STANDARD_D4} is {@code standardDFamily}).
 */
final class VmSizes {

  private static final Pattern SIZE =
      Pattern.compile(
          "^(?:standard|basic)_([a-z]+?)\\d+(?:-\\d+)?([a-z]*)((?:_[a-z0-9]+)*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSION = Pattern.compile("_v(\\d+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");

  private VmSizes() {}

  static int coresPerNode(String vmSize) {
    if (vmSize == null) {
      return 1;
    }
    String afterTier = vmSize.contains("_") ? vmSize.substring(vmSize.indexOf('_') + 1) : vmSize;
    Matcher number = FIRST_NUMBER.matcher(afterTier);
    if (!number.find()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(number.group(1)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The quota family name, or {@code null} when the name does not follow the usual pattern. */
  static String family(String vmSize) {
    if (vmSize == null) {
      return null;
    }
    Matcher matcher = SIZE.matcher(vmSize);
    if (!matcher.matches()) {
      return null;
    }
    String series = matcher.group(1).toUpperCase(Locale.ROOT);
    String features = matcher.group(2).toUpperCase(Locale.ROOT);
    Matcher versionMatcher = VERSION.matcher(matcher.group(3));
    String version = versionMatcher.find() ? "v" + versionMatcher.group(1) : "";
    String tier = vmSize.toLowerCase(Locale.ROOT).startsWith("basic") ? "basic" : "standard";
    return tier + series + features + version + "Family";
  }
}
