package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The gallery image version a user wants in Azure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.targetRegions.exists(r, r.name == self.azure.location)",
    message =
        "targetRegions must include azure.location, the version's home region: Azure refuses an"
            + " image version whose target regions leave out its own location. Add it to"
            + " targetRegions.")
public class GalleryImageVersionSpec {

  @JsonPropertyDescription(
      "Subscription, resource group and region of the gallery. The version's home region is"
          + " azure.location.")
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "azure (subscription, resource group, location) cannot change after creation. Create a"
              + " new GalleryImageVersion in the new place instead.")
  private AzureScope azure;

  @JsonPropertyDescription(
      "Name of the Azure Compute Gallery. Created when missing, never deleted by Poolkeeper."
          + " Letters, digits, '.' and '_' (no hyphens).")
  @Required
  @Pattern(ApiPatterns.GALLERY_NAME)
  @Size(max = 80)
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "gallery cannot change after creation. Create a new GalleryImageVersion in the other"
              + " gallery instead.")
  private String gallery;

  @JsonPropertyDescription(
      "The gallery image definition the version belongs to. Created when missing, never deleted"
          + " by Poolkeeper.")
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "imageDefinition cannot change after creation: Azure image definitions cannot be"
              + " edited. Create a new GalleryImageVersion under another definition instead.")
  private ImageDefinition imageDefinition;

  @JsonPropertyDescription("Version name, MAJOR.MINOR.PATCH, e.g. 1.0.0.")
  @Required
  @Pattern(ApiPatterns.IMAGE_VERSION)
  @Size(max = 32)
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "version cannot change after creation: publish a new version as a new"
              + " GalleryImageVersion and move your pools to it.")
  private String version;

  @JsonPropertyDescription(
      "The managed image the version is made from: exactly one of managedImageRef or"
          + " managedImageId.")
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "source cannot change after creation: an image version's content is fixed. Publish a"
              + " new GalleryImageVersion from the new image instead.")
  private Source source;

  @JsonPropertyDescription(
      "Regions to replicate the version to, each once: azure.location (the version's home"
          + " region) and the region of every Batch account whose pools use it.")
  @Required
  @Size(min = 1, max = 50)
  @ValidationRule(
      value = "self.all(r, self.exists_one(s, s.name == r.name))",
      message = "targetRegions lists a region twice: list each region once.")
  private List<TargetRegion> targetRegions;

  @JsonPropertyDescription(
      "How replica counts are chosen. Auto raises each region's count to what the pools using"
          + " the version need; Fixed keeps the counts of targetRegions.")
  private Replicas replicas;

  @JsonPropertyDescription(
      "If true, the version is not used when a pool asks for the definition's latest version.")
  private Boolean excludeFromLatest;

  @JsonPropertyDescription(
      "End-of-life date of the version (RFC 3339, e.g. 2027-12-31T00:00:00Z). Informational in"
          + " Azure.")
  @Pattern(ApiPatterns.DATE_TIME)
  @Size(max = 64)
  private String endOfLifeDate;

  @JsonPropertyDescription("Azure tags for the version." + AzureTags.DESCRIPTION_LIMITS)
  @Size(max = AzureTags.MAX_USER_TAGS)
  @ValidationRule(value = AzureTags.NAME_LENGTH_RULE, message = AzureTags.NAME_LENGTH_MESSAGE)
  @ValidationRule(
      value = AzureTags.NAME_CHARACTERS_RULE,
      message = AzureTags.NAME_CHARACTERS_MESSAGE)
  @ValidationRule(value = AzureTags.OWNER_RULE, message = AzureTags.OWNER_MESSAGE)
  private Map<String, @Size(max = AzureTags.MAX_VALUE_LENGTH) String> tags;

  @JsonPropertyDescription(
      "What happens in Azure when this object is deleted: Delete removes the version (only one"
          + " Poolkeeper created or adopted; never the gallery or image definition), Retain leaves"
          + " it.")
  @Default("Delete")
  private DeletionPolicy deletionPolicy;

  public AzureScope getAzure() {
    return azure;
  }

  public void setAzure(AzureScope azure) {
    this.azure = azure;
  }

  public String getGallery() {
    return gallery;
  }

  public void setGallery(String gallery) {
    this.gallery = gallery;
  }

  public ImageDefinition getImageDefinition() {
    return imageDefinition;
  }

  public void setImageDefinition(ImageDefinition imageDefinition) {
    this.imageDefinition = imageDefinition;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public Source getSource() {
    return source;
  }

  public void setSource(Source source) {
    this.source = source;
  }

  public List<TargetRegion> getTargetRegions() {
    return targetRegions;
  }

  public void setTargetRegions(List<TargetRegion> targetRegions) {
    this.targetRegions = targetRegions;
  }

  public Replicas getReplicas() {
    return replicas;
  }

  public void setReplicas(Replicas replicas) {
    this.replicas = replicas;
  }

  public Boolean getExcludeFromLatest() {
    return excludeFromLatest;
  }

  public void setExcludeFromLatest(Boolean excludeFromLatest) {
    this.excludeFromLatest = excludeFromLatest;
  }

  public String getEndOfLifeDate() {
    return endOfLifeDate;
  }

  public void setEndOfLifeDate(String endOfLifeDate) {
    this.endOfLifeDate = endOfLifeDate;
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

  /** A gallery image definition: the shared identity of all its versions. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ImageDefinition {

    @JsonPropertyDescription("Name of the image definition in the gallery.")
    @Required
    @Pattern(ApiPatterns.IMAGE_DEFINITION_NAME)
    @Size(max = 80)
    private String name;

    @JsonPropertyDescription("Operating system of the image: Linux or Windows.")
    @Required
    private OsType osType;

    @JsonPropertyDescription("State of the image's OS. Batch supports only Generalized images.")
    @Default("Generalized")
    private OsState osState;

    @JsonPropertyDescription(
        "Hyper-V generation of the VMs the image boots; it must match the source managed image.")
    @Default("V1")
    private HyperVGeneration hyperVGeneration;

    @JsonPropertyDescription(
        "Publisher, offer and SKU that identify the definition; unique within the gallery.")
    @Required
    private Identifier identifier;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public OsType getOsType() {
      return osType;
    }

    public void setOsType(OsType osType) {
      this.osType = osType;
    }

    public OsState getOsState() {
      return osState;
    }

    public void setOsState(OsState osState) {
      this.osState = osState;
    }

    public HyperVGeneration getHyperVGeneration() {
      return hyperVGeneration;
    }

    public void setHyperVGeneration(HyperVGeneration hyperVGeneration) {
      this.hyperVGeneration = hyperVGeneration;
    }

    public Identifier getIdentifier() {
      return identifier;
    }

    public void setIdentifier(Identifier identifier) {
      this.identifier = identifier;
    }
  }

  /** Publisher, offer and SKU of an image definition. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Identifier {

    @JsonPropertyDescription("Publisher name, e.g. contoso.")
    @Required
    @Pattern(ApiPatterns.IMAGE_IDENTIFIER_PART)
    @Size(max = 128)
    private String publisher;

    @JsonPropertyDescription("Offer name, e.g. render.")
    @Required
    @Pattern(ApiPatterns.IMAGE_IDENTIFIER_PART)
    @Size(max = 128)
    private String offer;

    @JsonPropertyDescription("SKU name, e.g. ubuntu-22-04.")
    @Required
    @Pattern(ApiPatterns.IMAGE_IDENTIFIER_PART)
    @Size(max = 128)
    private String sku;

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
  }

  /** The managed image a version is made from. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "[has(self.managedImageRef), has(self.managedImageId)].filter(x, x).size() == 1",
      message =
          "source needs exactly one of managedImageRef (a ManagedImage in this namespace) or"
              + " managedImageId (an image Poolkeeper does not manage).")
  public static class Source {

    @JsonPropertyDescription(
        "A ManagedImage object in the same namespace. The version waits until it is Ready, and"
            + " the image is kept while this version exists.")
    private LocalObjectReference managedImageRef;

    @JsonPropertyDescription(
        "Resource ID of a managed image that Poolkeeper does not manage:"
            + " /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/images/<name>.")
    @Pattern(ApiPatterns.MANAGED_IMAGE_ID)
    @Size(max = 1024)
    private String managedImageId;

    public LocalObjectReference getManagedImageRef() {
      return managedImageRef;
    }

    public void setManagedImageRef(LocalObjectReference managedImageRef) {
      this.managedImageRef = managedImageRef;
    }

    public String getManagedImageId() {
      return managedImageId;
    }

    public void setManagedImageId(String managedImageId) {
      this.managedImageId = managedImageId;
    }
  }

  /** A region the version is replicated to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class TargetRegion {

    @JsonPropertyDescription("Azure region, as ARM names it, e.g. westeurope.")
    @Required
    @Pattern(ApiPatterns.LOCATION)
    @Size(max = 40)
    private String name;

    @JsonPropertyDescription(
        "Replicas in this region, 1-100. With replicas.policy Auto this is the minimum: the"
            + " operator raises it to one per vmsPerReplica nodes of the pools in the region.")
    @Default("1")
    @io.fabric8.generator.annotation.Min(1)
    @io.fabric8.generator.annotation.Max(100)
    private Integer replicaCount;

    @JsonPropertyDescription(
        "Storage type of the replicas: Standard_LRS, Standard_ZRS or Premium_LRS.")
    @Default("Standard_LRS")
    private StorageAccountType storageAccountType;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public Integer getReplicaCount() {
      return replicaCount;
    }

    public void setReplicaCount(Integer replicaCount) {
      this.replicaCount = replicaCount;
    }

    public StorageAccountType getStorageAccountType() {
      return storageAccountType;
    }

    public void setStorageAccountType(StorageAccountType storageAccountType) {
      this.storageAccountType = storageAccountType;
    }
  }

  /** Storage account type of gallery image replicas. */
  public enum StorageAccountType {
    Standard_LRS,
    Standard_ZRS,
    Premium_LRS
  }

  /** How replica counts are chosen. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Replicas {

    @JsonPropertyDescription(
        "Auto: at least ceil(nodes of the pools using this version in a region / vmsPerReplica)"
            + " replicas per region, capped at 100, never fewer than targetRegions says. Fixed:"
            + " exactly the counts of targetRegions.")
    @Default("Auto")
    private ReplicaPolicy policy;

    @JsonPropertyDescription(
        "Nodes one replica serves with policy Auto. Azure Batch recommends at most 600.")
    @Default("600")
    @io.fabric8.generator.annotation.Min(1)
    @io.fabric8.generator.annotation.Max(600)
    private Integer vmsPerReplica;

    public ReplicaPolicy getPolicy() {
      return policy;
    }

    public void setPolicy(ReplicaPolicy policy) {
      this.policy = policy;
    }

    public Integer getVmsPerReplica() {
      return vmsPerReplica;
    }

    public void setVmsPerReplica(Integer vmsPerReplica) {
      this.vmsPerReplica = vmsPerReplica;
    }
  }

  /** Whether replica counts follow demand. */
  public enum ReplicaPolicy {
    Auto,
    Fixed
  }
}
