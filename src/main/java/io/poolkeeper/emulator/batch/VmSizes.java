package io.poolkeeper.emulator.batch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulator reads from a VM size name, since it has no size catalogue: the core count is
 * the first number in the name ({@code Standard_D4s_v5} has 4, a name without a number 1), and the
 * quota family follows Azure's naming ({@code Standard_D4s_v5} is {@code standardDSv5Family},
 * {@code STANDARD_D4} is {@code standardDFamily}), and Batch answers a size in its own spelling
 * ({@link #batchSpelling}).
 */
final class VmSizes {

  private static final Pattern SIZE =
      Pattern.compile(
          "^(?:standard|basic)_([a-z]+?)\\d+(?:-\\d+)?([a-z]*)((?:_[a-z0-9]+)*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSION = Pattern.compile("_v(\\d+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");

  private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+", Pattern.CASE_INSENSITIVE);

  private VmSizes() {}

  /** Whether a VM size can boot Generation 2 images, and so run trusted launch. */
  enum Generation2 {
    /** Gen2 images and trusted launch run on it. */
    CAPABLE,
    /** Generation 1 images only: no Gen2 image, no trusted launch. */
    GEN1_ONLY,
    /** A size the table below does not know; the emulator lets Azure's other rules decide. */
    UNKNOWN
  }

  /**
   * The Generation 2 (and trusted launch) capability of common sizes, from Azure's "Support for
   * generation 2 VMs on Azure" and "Trusted launch for Azure virtual machines" size lists, reduced
   * to a rule: the D, E and F families from version 3 on (and Fsv2) are Gen2 and trusted-launch
   * capable; Basic_A and the A-series v1 and v2 (Standard_A4, Standard_A2_v2, Standard_A8m_v2) are
   * Generation 1 only. Other sizes (B, H, N, M, DC, confidential and older D/E/F versions) vary by
   * size in those lists and are {@link Generation2#UNKNOWN} here rather than guessed.
   */
  static Generation2 generation2(String vmSize) {
    if (vmSize == null) {
      return Generation2.UNKNOWN;
    }
    Matcher matcher = SIZE.matcher(vmSize);
    if (!matcher.matches()) {
      return Generation2.UNKNOWN;
    }
    String series = matcher.group(1).toUpperCase(Locale.ROOT);
    String features = matcher.group(2).toUpperCase(Locale.ROOT);
    Matcher versionMatcher = VERSION.matcher(matcher.group(3));
    int version = versionMatcher.find() ? Integer.parseInt(versionMatcher.group(1)) : 1;
    if (vmSize.toLowerCase(Locale.ROOT).startsWith("basic")
        || (series.equals("A") && version <= 2)) {
      return Generation2.GEN1_ONLY;
    }
    boolean generalOrMemoryOrCompute =
        series.equals("D") || series.equals("E") || series.equals("F");
    if (generalOrMemoryOrCompute
        && (version >= 3 || (series.equals("F") && features.contains("S") && version == 2))) {
      return Generation2.CAPABLE;
    }
    return Generation2.UNKNOWN;
  }

  /**
   * How Batch answers a pool's {@code vmSize}: the tier and the version segment upper-case, the
   * size segment as given. Batch turns {@code Standard_D4} into {@code STANDARD_D4} (every pool
   * example of azure-rest-api-specs, recordings/canCRUDBatchPool.json) and {@code
   * Standard_HB120rs_v2} into {@code STANDARD_HB120rs_V2} (Azure/azurehpc pull request 313; the
   * casing is azure-rest-api-specs issue 4956). Other segments (a {@code Promo} suffix, say) are
   * kept as given, since no answer of Batch shows them.
   */
  static String batchSpelling(String vmSize) {
    if (vmSize == null || !vmSize.contains("_")) {
      return vmSize;
    }
    String[] segments = vmSize.split("_", -1);
    segments[0] = segments[0].toUpperCase(Locale.ROOT);
    for (int i = 2; i < segments.length; i++) {
      if (VERSION_SEGMENT.matcher(segments[i]).matches()) {
        segments[i] = segments[i].toUpperCase(Locale.ROOT);
      }
    }
    return String.join("_", segments);
  }

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
