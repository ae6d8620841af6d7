package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Where an Azure resource lives: subscription, resource group and region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AzureScope {

  @JsonPropertyDescription(
      "Azure subscription ID (a GUID). Defaults to the subscription the operator is configured"
          + " with.")
  @Pattern(ApiPatterns.SUBSCRIPTION_ID)
  @Size(max = 36)
  private String subscriptionId;

  @JsonPropertyDescription("Azure resource group that holds the resource. It must already exist.")
  @Required
  @Pattern(ApiPatterns.RESOURCE_GROUP)
  @Size(max = 90)
  private String resourceGroup;

  @JsonPropertyDescription("Azure region of the resource, as ARM names it, e.g. westeurope.")
  @Required
  @Pattern(ApiPatterns.LOCATION)
  @Size(max = 40)
  private String location;

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

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }
}
