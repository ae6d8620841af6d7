package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;
import static io.poolkeeper.api.ChangeNotes.SECRET;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Batch's VMExtension: a VM extension installed on every node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VmExtension {

  @JsonPropertyDescription("Name of the extension, unique in the pool." + AT_ZERO_NODES)
  @Required
  @Pattern(ApiPatterns.EXTENSION_NAME)
  @Size(max = 128)
  private String name;

  @JsonPropertyDescription(
      "Publisher of the extension handler, e.g. Microsoft.Azure.Monitor." + AT_ZERO_NODES)
  @Required
  @Pattern(ApiPatterns.EXTENSION_NAME)
  @Size(max = 128)
  private String publisher;

  @JsonPropertyDescription("Type of the extension, e.g. AzureMonitorLinuxAgent." + AT_ZERO_NODES)
  @Required
  @Pattern(ApiPatterns.EXTENSION_NAME)
  @Size(max = 128)
  private String type;

  @JsonPropertyDescription("Version of the extension handler, e.g. 1.0." + AT_ZERO_NODES)
  @Pattern(ApiPatterns.EXTENSION_VERSION)
  @Size(max = 43)
  private String typeHandlerVersion;

  @JsonPropertyDescription(
      "If true, a newer minor version is used if one exists when the node is deployed."
          + AT_ZERO_NODES)
  private Boolean autoUpgradeMinorVersion;

  @JsonPropertyDescription(
      "If true, Azure upgrades the extension when a newer version is published." + AT_ZERO_NODES)
  private Boolean enableAutomaticUpgrade;

  @JsonPropertyDescription(
      "Public settings of the extension, a JSON object as its publisher documents it."
          + AT_ZERO_NODES)
  @PreserveUnknownFields
  private JsonNode settings;

  @JsonPropertyDescription(
      "Protected settings of the extension: the Secret key holds them as a JSON object."
          + SECRET
          + AT_ZERO_NODES)
  private SecretValue protectedSettings;

  @JsonPropertyDescription(
      "Names of extensions of this pool that must be provisioned before this one." + AT_ZERO_NODES)
  @Size(max = 20)
  private List<@Pattern(ApiPatterns.EXTENSION_NAME) @Size(max = 128) String>
      provisionAfterExtensions;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPublisher() {
    return publisher;
  }

  public void setPublisher(String publisher) {
    this.publisher = publisher;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getTypeHandlerVersion() {
    return typeHandlerVersion;
  }

  public void setTypeHandlerVersion(String typeHandlerVersion) {
    this.typeHandlerVersion = typeHandlerVersion;
  }

  public Boolean getAutoUpgradeMinorVersion() {
    return autoUpgradeMinorVersion;
  }

  public void setAutoUpgradeMinorVersion(Boolean autoUpgradeMinorVersion) {
    this.autoUpgradeMinorVersion = autoUpgradeMinorVersion;
  }

  public Boolean getEnableAutomaticUpgrade() {
    return enableAutomaticUpgrade;
  }

  public void setEnableAutomaticUpgrade(Boolean enableAutomaticUpgrade) {
    this.enableAutomaticUpgrade = enableAutomaticUpgrade;
  }

  public JsonNode getSettings() {
    return settings;
  }

  public void setSettings(JsonNode settings) {
    this.settings = settings;
  }

  public SecretValue getProtectedSettings() {
    return protectedSettings;
  }

  public void setProtectedSettings(SecretValue protectedSettings) {
    this.protectedSettings = protectedSettings;
  }

  public List<String> getProvisionAfterExtensions() {
    return provisionAfterExtensions;
  }

  public void setProvisionAfterExtensions(List<String> provisionAfterExtensions) {
    this.provisionAfterExtensions = provisionAfterExtensions;
  }
}
