package io.poolkeeper.emulator.arm;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Azure's public regions: the programmatic name ARM answers in {@code location} ({@code
 * westeurope}) and the display name Compute answers for gallery image version regions ({@code West
 * Europe}). The list is {@code az account list-locations} for the public cloud: the physical
 * regions, including the restricted-access ones (France South, Germany North...) and the two canary
 * (EUAP) regions, without the logical geographies ({@code europe}, {@code unitedstates}).
 */
public final class AzureRegions {

  private static final Map<String, String> DISPLAY_NAMES = displayNames();

  private AzureRegions() {}

  /** {@code "West Europe"} for {@code westeurope} or {@code "West Europe"}; others as given. */
  public static String displayName(String region) {
    if (region == null) {
      return null;
    }
    return DISPLAY_NAMES.getOrDefault(programmaticName(region), region);
  }

  /** ARM's spelling: {@code "West Europe"} becomes {@code westeurope}. */
  public static String programmaticName(String region) {
    return region == null ? null : region.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** Whether two spellings name the same region. */
  public static boolean same(String one, String other) {
    return one != null && other != null && programmaticName(one).equals(programmaticName(other));
  }

  /** The programmatic names of all known regions, alphabetically. */
  static List<String> programmaticNames() {
    return DISPLAY_NAMES.keySet().stream().sorted().toList();
  }

  private static Map<String, String> displayNames() {
    Map<String, String> names = new HashMap<>();
    for (String display :
        List.of(
            "Australia Central",
            "Australia Central 2",
            "Australia East",
            "Australia Southeast",
            "Austria East",
            "Belgium Central",
            "Brazil South",
            "Brazil Southeast",
            "Canada Central",
            "Canada East",
            "Central India",
            "Central US",
            "Central US EUAP",
            "Chile Central",
            "Denmark East",
            "East Asia",
            "East US",
            "East US 2",
            "East US 2 EUAP",
            "France Central",
            "France South",
            "Germany North",
            "Germany West Central",
            "Indonesia Central",
            "Israel Central",
            "Italy North",
            "Japan East",
            "Japan West",
            "Jio India Central",
            "Jio India West",
            "Korea Central",
            "Korea South",
            "Malaysia West",
            "Mexico Central",
            "New Zealand North",
            "North Central US",
            "North Europe",
            "Norway East",
            "Norway West",
            "Poland Central",
            "Qatar Central",
            "South Africa North",
            "South Africa West",
            "South Central US",
            "South India",
            "Southeast Asia",
            "Spain Central",
            "Sweden Central",
            "Sweden South",
            "Switzerland North",
            "Switzerland West",
            "UAE Central",
            "UAE North",
            "UK South",
            "UK West",
            "West Central US",
            "West Europe",
            "West India",
            "West US",
            "West US 2",
            "West US 3")) {
      names.put(programmaticName(display), display);
    }
    return Map.copyOf(names);
  }
}
