package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Batch's OSDisk: the nodes' operating system disk. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.ephemeralOSDiskSettings) || !has(self.caching) || self.caching == 'ReadOnly'",
    message =
        "osDisk: an ephemeral OS disk supports only ReadOnly caching. Set caching ReadOnly or"
            + " leave it out.")
public class OsDisk {

  @JsonPropertyDescription(
      "Put the OS disk on the VM's local cache disk (ephemeral): faster node start and no disk"
          + " cost, but the VM size's cache must hold the image."
          + AT_ZERO_NODES)
  private EphemeralOsDiskSettings ephemeralOSDiskSettings;

  @JsonPropertyDescription("Host caching: None, ReadOnly or ReadWrite." + AT_ZERO_NODES)
  private CachingType caching;

  @JsonPropertyDescription(
      "Size of the OS disk in GB, 1-4095; at least the image's." + AT_ZERO_NODES)
  @Min(1)
  @Max(4095)
  private Integer diskSizeGB;

  @JsonPropertyDescription("The managed disk's type and security profile." + AT_ZERO_NODES)
  private ManagedDisk managedDisk;

  @JsonPropertyDescription(
      "If true, the disk uses write acceleration (M-series sizes only)." + AT_ZERO_NODES)
  private Boolean writeAcceleratorEnabled;

  public EphemeralOsDiskSettings getEphemeralOSDiskSettings() {
    return ephemeralOSDiskSettings;
  }

  public void setEphemeralOSDiskSettings(EphemeralOsDiskSettings ephemeralOSDiskSettings) {
    this.ephemeralOSDiskSettings = ephemeralOSDiskSettings;
  }

  public CachingType getCaching() {
    return caching;
  }

  public void setCaching(CachingType caching) {
    this.caching = caching;
  }

  public Integer getDiskSizeGB() {
    return diskSizeGB;
  }

  public void setDiskSizeGB(Integer diskSizeGB) {
    this.diskSizeGB = diskSizeGB;
  }

  public ManagedDisk getManagedDisk() {
    return managedDisk;
  }

  public void setManagedDisk(ManagedDisk managedDisk) {
    this.managedDisk = managedDisk;
  }

  public Boolean getWriteAcceleratorEnabled() {
    return writeAcceleratorEnabled;
  }

  public void setWriteAcceleratorEnabled(Boolean writeAcceleratorEnabled) {
    this.writeAcceleratorEnabled = writeAcceleratorEnabled;
  }

  /** Batch's DiffDiskSettings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EphemeralOsDiskSettings {

    @JsonPropertyDescription(
        "Where the ephemeral OS disk lives: CacheDisk (the only value Batch offers)."
            + AT_ZERO_NODES)
    @Required
    private Placement placement;

    public Placement getPlacement() {
      return placement;
    }

    public void setPlacement(Placement placement) {
      this.placement = placement;
    }
  }

  /** Batch's DiffDiskPlacement. */
  public enum Placement {
    CacheDisk
  }

  /** Batch's ManagedDisk of the OS disk. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ManagedDisk {

    @JsonPropertyDescription("Standard_LRS, Premium_LRS or StandardSSD_LRS." + AT_ZERO_NODES)
    private DiskStorageAccountType storageAccountType;

    @JsonPropertyDescription(
        "Encryption of the disk of a confidential VM: required with securityProfile.securityType"
            + " confidentialVM and refused otherwise."
            + AT_ZERO_NODES)
    private DiskSecurityProfile securityProfile;

    public DiskStorageAccountType getStorageAccountType() {
      return storageAccountType;
    }

    public void setStorageAccountType(DiskStorageAccountType storageAccountType) {
      this.storageAccountType = storageAccountType;
    }

    public DiskSecurityProfile getSecurityProfile() {
      return securityProfile;
    }

    public void setSecurityProfile(DiskSecurityProfile securityProfile) {
      this.securityProfile = securityProfile;
    }
  }

  /** Batch's VMDiskSecurityProfile. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DiskSecurityProfile {

    @JsonPropertyDescription(
        "NonPersistedTPM (firmware state not kept), VMGuestStateOnly (only the VM guest state"
            + " encrypted) or DiskWithVMGuestState (the disk and the guest state encrypted)."
            + AT_ZERO_NODES)
    @Required
    private SecurityEncryptionType securityEncryptionType;

    public SecurityEncryptionType getSecurityEncryptionType() {
      return securityEncryptionType;
    }

    public void setSecurityEncryptionType(SecurityEncryptionType securityEncryptionType) {
      this.securityEncryptionType = securityEncryptionType;
    }
  }

  /** Batch's SecurityEncryptionTypes. */
  public enum SecurityEncryptionType {
    NonPersistedTPM,
    VMGuestStateOnly,
    DiskWithVMGuestState
  }
}
