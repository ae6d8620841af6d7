package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The managed image a user wants in Azure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.imageName) == has(oldSelf.imageName)",
    message =
        "imageName cannot be added or removed after creation: Azure images cannot be renamed."
            + " Create a new ManagedImage instead.")
public class ManagedImageSpec {

  @JsonPropertyDescription("Subscription, resource group and region of the image.")
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "azure (subscription, resource group, location) cannot change after creation."
              + " Create a new ManagedImage in the new place instead.")
  private AzureScope azure;

  @JsonPropertyDescription(
      "Name of the image in Azure. Defaults to metadata.name. 1-80 letters, digits, '.', '-' or"
          + " '_', starting with a letter or digit.")
  @Pattern(ApiPatterns.MANAGED_IMAGE_NAME)
  @Size(max = 80)
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "imageName cannot change after creation: Azure images cannot be renamed. Create a new"
              + " ManagedImage instead.")
  private String imageName;

  @JsonPropertyDescription(
      "Hyper-V generation of the VMs the image boots. It must match the VM the snapshots came"
          + " from.")
  @Default("V1")
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "hyperVGeneration cannot change: Azure images cannot be edited. Create a new"
              + " ManagedImage instead.")
  private HyperVGeneration hyperVGeneration;

  @JsonPropertyDescription(
      "What the image is made from: exactly one of snapshots (recommended), virtualMachineId or"
          + " blobUri.")
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "source cannot change: Azure managed images cannot be edited. Create a new ManagedImage"
              + " (and point your GalleryImageVersion at it) instead.")
  private ManagedImageSource source;

  @JsonPropertyDescription("Azure tags for the image." + AzureTags.DESCRIPTION_LIMITS)
  @Size(max = AzureTags.MAX_USER_TAGS)
  @ValidationRule(value = AzureTags.NAME_LENGTH_RULE, message = AzureTags.NAME_LENGTH_MESSAGE)
  @ValidationRule(
      value = AzureTags.NAME_CHARACTERS_RULE,
      message = AzureTags.NAME_CHARACTERS_MESSAGE)
  @ValidationRule(value = AzureTags.OWNER_RULE, message = AzureTags.OWNER_MESSAGE)
  private Map<String, @Size(max = AzureTags.MAX_VALUE_LENGTH) String> tags;

  @JsonPropertyDescription(
      "What happens in Azure when this object is deleted: Delete removes the image (only one"
          + " Poolkeeper created or adopted), Retain leaves it.")
  @Default("Delete")
  private DeletionPolicy deletionPolicy;

  public AzureScope getAzure() {
    return azure;
  }

  public void setAzure(AzureScope azure) {
    this.azure = azure;
  }

  public String getImageName() {
    return imageName;
  }

  public void setImageName(String imageName) {
    this.imageName = imageName;
  }

  public HyperVGeneration getHyperVGeneration() {
    return hyperVGeneration;
  }

  public void setHyperVGeneration(HyperVGeneration hyperVGeneration) {
    this.hyperVGeneration = hyperVGeneration;
  }

  public ManagedImageSource getSource() {
    return source;
  }

  public void setSource(ManagedImageSource source) {
    this.source = source;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
