package io.poolkeeper.azure;

/** A gallery image version and, through it, its gallery and image definition. */
public record GalleryImageVersionRef(
    String subscriptionId,
    String resourceGroup,
    String gallery,
    String imageDefinition,
    String version) {

  public String galleryId() {
    return AzureResourceIds.provider(subscriptionId, resourceGroup, "Microsoft.Compute")
        + "/galleries/"
        + gallery;
  }

  public String imageDefinitionId() {
    return galleryId() + "/images/" + imageDefinition;
  }

  public String resourceId() {
    return imageDefinitionId() + "/versions/" + version;
  }
}
