package io.poolkeeper.emulator;

import java.util.List;

/**
 * Where the emulator deliberately answers differently from recorded Azure traffic, and why. A
 * pointer is {@code #<index of the recorded request>/<field>}.
 */
final class RecordingDifferences {

  private static final String BLOB_SIZE =
      "An image made from a VHD blob reports the blob's size; the emulator does not read blobs, so"
          + " it knows disk sizes only of snapshots and managed disks.";

  static final List<DeliberateDifference> ALL =
      List.of(
          DeliberateDifference.of(
              "aBlobImageHasNoOsDiskSize",
              "recordings/SharedGalleryImageTests.canCreateUpdateGetDeleteGalleryImageVersion.json",
              "#32/properties/storageProfile/osDisk/diskSizeGB",
              BLOB_SIZE,
              null),
          DeliberateDifference.of(
              "aVersionOfABlobImageHasNoOsDiskSize",
              "recordings/SharedGalleryImageTests.canCreateUpdateGetDeleteGalleryImageVersion.json",
              "#43/properties/storageProfile/osDiskImage/sizeInGB",
              BLOB_SIZE + " A version reports the size of its source image's disks.",
              null),
          DeliberateDifference.of(
              "aBlobImageHasNoOsDiskSize",
              "recordings/canCreateUpdateGetDeleteGalleryImageVersion.json",
              "#39/properties/storageProfile/osDisk/diskSizeGB",
              BLOB_SIZE,
              null));

  private RecordingDifferences() {}

  static List<DeliberateDifference> forFile(String file) {
    return ALL.stream().filter(difference -> difference.file().equals(file)).toList();
  }
}
