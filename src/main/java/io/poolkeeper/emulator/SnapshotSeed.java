package io.poolkeeper.emulator;

/**
 * A snapshot to seed, as a VM's OS or data disk snapshot would look.
 *
 * @param id the snapshot's resource ID ({@code .../providers/Microsoft.Compute/snapshots/{name}})
 * @param location its region; the resource group's when {@code null}
 * @param osType {@code Linux} or {@code Windows} for an OS disk snapshot, {@code null} for data
 * @param diskSizeGB the disk size, which images made from it report
 * @param hyperVGeneration {@code V1} or {@code V2}, or {@code null}
 */
public record SnapshotSeed(
    String id, String location, String osType, int diskSizeGB, String hyperVGeneration) {

  public SnapshotSeed {
    if (id == null) {
      throw new IllegalArgumentException("a snapshot needs an ID");
    }
    if (diskSizeGB <= 0) {
      throw new IllegalArgumentException("diskSizeGB must be positive, was " + diskSizeGB);
    }
  }
}
