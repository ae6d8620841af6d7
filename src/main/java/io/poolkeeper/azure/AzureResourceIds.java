package io.poolkeeper.azure;

/** Builds the ARM resource IDs Poolkeeper works with, in Azure's own casing. */
public final class AzureResourceIds {

  private AzureResourceIds() {}

  public static String resourceGroup(String subscriptionId, String resourceGroup) {
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
  }

  static String provider(String subscriptionId, String resourceGroup, String namespace) {
    return resourceGroup(subscriptionId, resourceGroup) + "/providers/" + namespace;
  }
}
