package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The image a pool's nodes boot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.galleryImageVersionRef), has(self.managedImageRef), has(self.id),"
            + " has(self.marketplace)].filter(x, x).size() == 1",
    message =
        "image needs exactly one of galleryImageVersionRef, managedImageRef, id or marketplace."
            + " Prefer galleryImageVersionRef: Batch no longer creates pools from managed images.")
public class PoolImage {

  @JsonPropertyDescription(
      "A GalleryImageVersion object in the same namespace (recommended). The pool waits until it"
          + " is Ready, and the version is kept while the pool exists."
          + AT_ZERO_NODES)
  private LocalObjectReference galleryImageVersionRef;

  @JsonPropertyDescription(
      "A ManagedImage object in the same namespace. Azure Batch retired pools built straight from"
          + " managed images on 2026-03-31: publish the image to a gallery instead."
          + AT_ZERO_NODES)
  private LocalObjectReference managedImageRef;

  @JsonPropertyDescription(
      "Resource ID of an image Poolkeeper does not manage: a gallery image version, a gallery"
          + " image definition (its latest version) or a managed image."
          + AT_ZERO_NODES)
  @Pattern(ApiPatterns.POOL_IMAGE_ID)
  @Size(max = 1024)
  private String id;

  @JsonPropertyDescription("An Azure Marketplace image that Batch supports." + AT_ZERO_NODES)
  private MarketplaceImage marketplace;

  public LocalObjectReference getGalleryImageVersionRef() {
    return galleryImageVersionRef;
  }

  public void setGalleryImageVersionRef(LocalObjectReference galleryImageVersionRef) {
    this.galleryImageVersionRef = galleryImageVersionRef;
  }

  public LocalObjectReference getManagedImageRef() {
    return managedImageRef;
  }

  public void setManagedImageRef(LocalObjectReference managedImageRef) {
    this.managedImageRef = managedImageRef;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public MarketplaceImage getMarketplace() {
    return marketplace;
  }

  public void setMarketplace(MarketplaceImage marketplace) {
    this.marketplace = marketplace;
  }

  /** An Azure Marketplace image reference. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class MarketplaceImage {

    @JsonPropertyDescription("Image publisher, e.g. canonical." + AT_ZERO_NODES)
    @Required
    @Pattern("^[-\\w.]{1,128}$")
    @Size(max = 128)
    private String publisher;

    @JsonPropertyDescription("Image offer, e.g. 0001-com-ubuntu-server-jammy." + AT_ZERO_NODES)
    @Required
    @Pattern("^[-\\w.]{1,128}$")
    @Size(max = 128)
    private String offer;

    @JsonPropertyDescription("Image SKU, e.g. 22_04-lts." + AT_ZERO_NODES)
    @Required
    @Pattern("^[-\\w.]{1,128}$")
    @Size(max = 128)
    private String sku;

    @JsonPropertyDescription("Image version, or latest." + AT_ZERO_NODES)
    @Default("latest")
    @Size(max = 32)
    @Pattern("^(latest|[0-9]+\\.[0-9]+\\.[0-9]+)$")
    private String version;

    public String getPublisher() {
      return publisher;
    }

    public void setPublisher(String publisher) {
      this.publisher = publisher;
    }

    public String getOffer() {
      return offer;
    }

    public void setOffer(String offer) {
      this.offer = offer;
    }

    public String getSku() {
      return sku;
    }

    public void setSku(String sku) {
      this.sku = sku;
    }

    public String getVersion() {
      return version;
    }

    public void setVersion(String version) {
      this.version = version;
    }
  }
}
