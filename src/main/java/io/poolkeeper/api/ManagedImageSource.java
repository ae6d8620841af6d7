package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What a managed image is made from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.snapshots), has(self.virtualMachineId), has(self.blobUri)]"
            + ".filter(x, x).size() == 1",
    message =
        "source needs exactly one of snapshots, virtualMachineId or blobUri. Snapshots are"
            + " recommended: they scale most reliably for Batch.")
@ValidationRule(
    value = "has(self.blobUri) == has(self.osType)",
    message =
        "source.osType is required with source.blobUri (Linux or Windows) and not allowed"
            + " otherwise: snapshots state it in snapshots.osDisk.osType.")
public class ManagedImageSource {

  @JsonPropertyDescription(
      "Build the image from snapshots of a prepared VM's OS disk and, optionally, its data disks."
          + " The recommended source for Batch.")
  private Snapshots snapshots;

  @JsonPropertyDescription(
      "Build the image from a generalized VM (Microsoft.Compute/virtualMachines resource ID)."
          + " Allowed, but scales less reliably for Batch than snapshots.")
  @Pattern(ApiPatterns.VIRTUAL_MACHINE_ID)
  @Size(max = 1024)
  private String virtualMachineId;

  @JsonPropertyDescription(
      "Build the image from a generalized VHD in a storage account (https URI of a .vhd page"
          + " blob). Allowed, but scales less reliably for Batch than snapshots.")
  @Pattern(ApiPatterns.VHD_BLOB_URI)
  @Size(max = 2048)
  private String blobUri;

  @JsonPropertyDescription("Operating system of the VHD at blobUri. Required with blobUri only.")
  private OsType osType;

  public Snapshots getSnapshots() {
    return snapshots;
  }

  public void setSnapshots(Snapshots snapshots) {
    this.snapshots = snapshots;
  }

  public String getVirtualMachineId() {
    return virtualMachineId;
  }

  public void setVirtualMachineId(String virtualMachineId) {
    this.virtualMachineId = virtualMachineId;
  }

  public String getBlobUri() {
    return blobUri;
  }

  public void setBlobUri(String blobUri) {
    this.blobUri = blobUri;
  }

  public OsType getOsType() {
    return osType;
  }

  public void setOsType(OsType osType) {
    this.osType = osType;
  }

  /** Snapshots of a prepared VM's disks. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "!has(self.dataDisks) || self.dataDisks.all(d, self.dataDisks.exists_one(e, e.lun == d.lun))",
      message =
          "snapshots.dataDisks has two disks with the same lun: give each data disk its own lun.")
  public static class Snapshots {

    @JsonPropertyDescription("Snapshot of the OS disk.")
    @Required
    private OsDisk osDisk;

    @JsonPropertyDescription("Snapshots of data disks, each attached at its own LUN.")
    @Size(max = 64)
    private List<DataDisk> dataDisks;

    public OsDisk getOsDisk() {
      return osDisk;
    }

    public void setOsDisk(OsDisk osDisk) {
      this.osDisk = osDisk;
    }

    public List<DataDisk> getDataDisks() {
      return dataDisks;
    }

    public void setDataDisks(List<DataDisk> dataDisks) {
      this.dataDisks = dataDisks;
    }
  }

  /** The OS-disk snapshot of a managed image. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class OsDisk {

    @JsonPropertyDescription(
        "Resource ID of the OS-disk snapshot:"
            + " /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/snapshots/<name>.")
    @Required
    @Pattern(ApiPatterns.SNAPSHOT_ID)
    @Size(max = 1024)
    private String snapshotId;

    @JsonPropertyDescription("Operating system on the disk: Linux or Windows.")
    @Required
    private OsType osType;

    @JsonPropertyDescription(
        "State of the OS on the disk. Batch supports only Generalized images: generalize the VM"
            + " (waagent -deprovision or sysprep) before taking the snapshot.")
    @Default("Generalized")
    private OsState osState;

    public String getSnapshotId() {
      return snapshotId;
    }

    public void setSnapshotId(String snapshotId) {
      this.snapshotId = snapshotId;
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
  }

  /** A data-disk snapshot of a managed image. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DataDisk {

    @JsonPropertyDescription("Logical unit number the disk is attached at on each node, 0-63.")
    @Required
    @io.fabric8.generator.annotation.Min(0)
    @io.fabric8.generator.annotation.Max(63)
    private Integer lun;

    @JsonPropertyDescription(
        "Resource ID of the data-disk snapshot:"
            + " /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/snapshots/<name>.")
    @Required
    @Pattern(ApiPatterns.SNAPSHOT_ID)
    @Size(max = 1024)
    private String snapshotId;

    public Integer getLun() {
      return lun;
    }

    public void setLun(Integer lun) {
      this.lun = lun;
    }

    public String getSnapshotId() {
      return snapshotId;
    }

    public void setSnapshotId(String snapshotId) {
      this.snapshotId = snapshotId;
    }
  }
}
