package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Batch's DataDisk: an empty managed disk attached to every node (the tasks format it). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataDisk {

  @JsonPropertyDescription("Logical unit number, 0-63, unique in the pool." + AT_ZERO_NODES)
  @Required
  @Min(0)
  @Max(63)
  private Integer lun;

  @JsonPropertyDescription(
      "Host caching: None (Batch's default), ReadOnly or ReadWrite." + AT_ZERO_NODES)
  private CachingType caching;

  @JsonPropertyDescription("Size of the new disk in GB, 1-32767." + AT_ZERO_NODES)
  @Required
  @Min(1)
  @Max(32767)
  private Integer diskSizeGB;

  @JsonPropertyDescription("The managed disk's type." + AT_ZERO_NODES)
  private ManagedDisk managedDisk;

  public Integer getLun() {
    return lun;
  }

  public void setLun(Integer lun) {
    this.lun = lun;
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

  /** Batch's ManagedDisk of a data disk: its storage type. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ManagedDisk {

    @JsonPropertyDescription(
        "Standard_LRS (Batch's default), Premium_LRS or StandardSSD_LRS." + AT_ZERO_NODES)
    private DiskStorageAccountType storageAccountType;

    public DiskStorageAccountType getStorageAccountType() {
      return storageAccountType;
    }

    public void setStorageAccountType(DiskStorageAccountType storageAccountType) {
      this.storageAccountType = storageAccountType;
    }
  }
}
