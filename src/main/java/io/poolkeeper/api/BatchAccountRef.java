package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The Batch account a pool belongs to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchAccountRef {

  @JsonPropertyDescription(
      "Subscription of the Batch account (a GUID). Defaults to the operator's configured"
          + " subscription.")
  @Pattern(ApiPatterns.SUBSCRIPTION_ID)
  @Size(max = 36)
  private String subscriptionId;

  @JsonPropertyDescription("Resource group of the Batch account.")
  @Required
  @Pattern(ApiPatterns.RESOURCE_GROUP)
  @Size(max = 90)
  private String resourceGroup;

  @JsonPropertyDescription("Name of the Batch account: 3-24 lower-case letters and digits.")
  @Required
  @Pattern(ApiPatterns.BATCH_ACCOUNT_NAME)
  @Size(max = 24)
  private String name;

  public String getSubscriptionId() {
    return subscriptionId;
  }

  public void setSubscriptionId(String subscriptionId) {
    this.subscriptionId = subscriptionId;
  }

  public String getResourceGroup() {
    return resourceGroup;
  }

  public void setResourceGroup(String resourceGroup) {
    this.resourceGroup = resourceGroup;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
