package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the operator observed of a managed image. Written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedImageStatus extends ObservedStatus {

  @JsonPropertyDescription("Azure resource ID of the managed image.")
  private String imageResourceId;

  @JsonPropertyDescription("provisioningState of the image in Azure: Creating, Succeeded, Failed.")
  private String provisioningState;

  @JsonPropertyDescription(
      "Creates or updates of the image that Azure ended Failed in a row. The operator sends the"
          + " write again until 3 have failed, then reports Stalled until the spec changes.")
  private Integer provisioningFailures;

  @JsonPropertyDescription(
      "Objects that reference this image (GalleryImageVersions, BatchPools). While any is listed"
          + " the image keeps its finalizer and its Azure delete lock.")
  private List<UsedBy> usedBy;

  public String getImageResourceId() {
    return imageResourceId;
  }

  public void setImageResourceId(String imageResourceId) {
    this.imageResourceId = imageResourceId;
  }

  public String getProvisioningState() {
    return provisioningState;
  }

  public void setProvisioningState(String provisioningState) {
    this.provisioningState = provisioningState;
  }

  public Integer getProvisioningFailures() {
    return provisioningFailures;
  }

  public void setProvisioningFailures(Integer provisioningFailures) {
    this.provisioningFailures = provisioningFailures;
  }

  public List<UsedBy> getUsedBy() {
    return usedBy;
  }

  public void setUsedBy(List<UsedBy> usedBy) {
    this.usedBy = usedBy;
  }
}
