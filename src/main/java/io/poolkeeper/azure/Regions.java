package io.poolkeeper.azure;

import java.util.Locale;

/**
 * Azure region names. ARM takes and gives programmatic names ({@code westeurope}) for most
 * resources, but gallery image versions answer with display names ({@code West Europe}) in their
 * target regions and replication status, whatever the request used. Every region an adapter reports
 * goes through {@link #programmaticName}, so reconcilers compare like with like.
 */
public final class Regions {

  private Regions() {}

  /**
   * {@code West Europe}, {@code westeurope} and {@code WestEurope} all become {@code westeurope}:
   * an Azure region's programmatic name is its display name in lower case without spaces.
   */
  public static String programmaticName(String region) {
    return region == null ? null : region.replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
