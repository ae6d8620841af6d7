package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A user-assigned managed identity of the pool that the nodes use to reach Azure (Batch's
 * ComputeNodeIdentityReference).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentityReference {

  @JsonPropertyDescription(
      "Resource ID of a user-assigned managed identity, /subscriptions/<id>/resourceGroups/<rg>"
          + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>. It must also be"
          + " listed in identity.userAssignedIdentities.")
  @Required
  @Pattern(ApiPatterns.USER_ASSIGNED_IDENTITY_ID)
  @Size(max = 1024)
  private String resourceId;

  public IdentityReference() {}

  public IdentityReference(String resourceId) {
    this.resourceId = resourceId;
  }

  public String getResourceId() {
    return resourceId;
  }

  public void setResourceId(String resourceId) {
    this.resourceId = resourceId;
  }
}
