package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Batch's SecurityProfile of the nodes: trusted launch, confidential VMs, host encryption. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.uefiSettings) || has(self.securityType)",
    message =
        "securityProfile.uefiSettings needs securityType: Azure applies secure boot and vTPM only"
            + " to trustedLaunch or confidentialVM nodes.")
public class SecurityProfile {

  @JsonPropertyDescription(
      "trustedLaunch or confidentialVM. Images made from trusted-launch VMs (gallery image"
          + " definitions with security type TrustedLaunch) need trustedLaunch and a Gen2 VM size."
          + AT_ZERO_NODES)
  private SecurityType securityType;

  @JsonPropertyDescription(
      "If true, the host encrypts all disks including the temporary disk; the subscription needs"
          + " the EncryptionAtHost feature."
          + AT_ZERO_NODES)
  private Boolean encryptionAtHost;

  @JsonPropertyDescription("Secure boot and vTPM; needs securityType." + AT_ZERO_NODES)
  private UefiSettings uefiSettings;

  public SecurityType getSecurityType() {
    return securityType;
  }

  public void setSecurityType(SecurityType securityType) {
    this.securityType = securityType;
  }

  public Boolean getEncryptionAtHost() {
    return encryptionAtHost;
  }

  public void setEncryptionAtHost(Boolean encryptionAtHost) {
    this.encryptionAtHost = encryptionAtHost;
  }

  public UefiSettings getUefiSettings() {
    return uefiSettings;
  }

  public void setUefiSettings(UefiSettings uefiSettings) {
    this.uefiSettings = uefiSettings;
  }

  /** Batch's SecurityTypes. */
  public enum SecurityType {
    trustedLaunch,
    confidentialVM
  }

  /** Batch's UefiSettings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class UefiSettings {

    @JsonPropertyDescription("If true, the nodes boot with secure boot." + AT_ZERO_NODES)
    private Boolean secureBootEnabled;

    @JsonProperty("vTpmEnabled")
    @JsonPropertyDescription("If true, the nodes have a virtual TPM." + AT_ZERO_NODES)
    private Boolean vTpmEnabled;

    public Boolean getSecureBootEnabled() {
      return secureBootEnabled;
    }

    public void setSecureBootEnabled(Boolean secureBootEnabled) {
      this.secureBootEnabled = secureBootEnabled;
    }

    @JsonProperty("vTpmEnabled")
    public Boolean getVTpmEnabled() {
      return vTpmEnabled;
    }

    @JsonProperty("vTpmEnabled")
    public void setVTpmEnabled(Boolean vTpmEnabled) {
      this.vTpmEnabled = vTpmEnabled;
    }
  }
}
