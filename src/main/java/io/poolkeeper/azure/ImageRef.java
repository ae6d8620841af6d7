package io.poolkeeper.azure;

/** A managed image ({@code Microsoft.Compute/images}). */
public record ImageRef(String subscriptionId, String resourceGroup, String name) {

  public String resourceId() {
    return AzureResourceIds.provider(subscriptionId, resourceGroup, "Microsoft.Compute")
        + "/images/"
        + name;
  }
}
