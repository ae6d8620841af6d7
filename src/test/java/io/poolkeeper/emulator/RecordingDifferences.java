package io.poolkeeper.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the emulator deliberately answers differently from recorded Azure traffic, and why. A
 * pointer is {@code #<index of the recorded request>/<field>}.
 */
final class RecordingDifferences {

  private static final String BLOB_SIZE =
      "An image made from a VHD blob reports the blob's size; the emulator does not read blobs, so"
          + " it knows disk sizes only of snapshots and managed disks.";

  private static final String SIG =
      "recordings/SharedGalleryImageTests.canCreateUpdateGetDeleteGalleryImageVersion.json";
  private static final String OLD_SIG =
      "recordings/canCreateUpdateGetDeleteGalleryImageVersion.json";

  /**
   * Fields Azure added in api-versions after the recorded one. The emulator answers every
   * api-version in the shape of the current ones; see docs/emulator.md.
   */
  private static final String LATER_FIELD =
      "Azure reports this field from a later api-version on than the recorded one; the emulator"
          + " answers every api-version in the current shape.";

  static final List<DeliberateDifference> ALL = all();

  private static List<DeliberateDifference> all() {
    List<DeliberateDifference> all = new ArrayList<>();
    all.add(
        DeliberateDifference.of(
            "aBlobImageHasNoOsDiskSize",
            SIG,
            "#32/properties/storageProfile/osDisk/diskSizeGB",
            BLOB_SIZE,
            null));
    all.add(
        DeliberateDifference.of(
            "aVersionOfABlobImageHasNoOsDiskSize",
            SIG,
            "#43/properties/storageProfile/osDiskImage/sizeInGB",
            BLOB_SIZE + " A version reports the size of its source image's disks.",
            null));
    all.add(
        DeliberateDifference.of(
            "aBlobImageHasNoOsDiskSize",
            OLD_SIG,
            "#39/properties/storageProfile/osDisk/diskSizeGB",
            BLOB_SIZE,
            null));
    // targetRegions[].excludeFromLatest came with GalleryRP 2022-08-03; recorded: 2022-03-03.
    for (String pointer :
        List.of(
            "#33/properties/publishingProfile/targetRegions/[West US 2]/excludeFromLatest",
            "#33/properties/publishingProfile/targetRegions/[West Central US]/excludeFromLatest",
            "#43/properties/publishingProfile/targetRegions/[West US 2]/excludeFromLatest",
            "#43/properties/publishingProfile/targetRegions/[West Central US]/excludeFromLatest",
            "#44/properties/publishingProfile/targetRegions/[West Central US]/excludeFromLatest",
            "#49/properties/publishingProfile/targetRegions/[West Central US]/excludeFromLatest",
            "#50/value/[0.0.4]/properties/publishingProfile/targetRegions/[West Central US]"
                + "/excludeFromLatest")) {
      all.add(
          DeliberateDifference.of(
              "aTargetRegionIsNotExcludedFromLatest", SIG, pointer, LATER_FIELD, "false"));
    }
    // Resource groups at 2017-05-10, galleries and definitions at 2018-06-01 came without a type.
    all.add(typeOf("#0", "Microsoft.Resources/resourceGroups"));
    all.add(typeOf("#9", "Microsoft.Resources/resourceGroups"));
    all.add(typeOf("#35", "Microsoft.Resources/resourceGroups"));
    all.add(typeOf("#1", "Microsoft.Compute/galleries"));
    all.add(typeOf("#4", "Microsoft.Compute/galleries"));
    all.add(typeOf("#5", "Microsoft.Compute/galleries/images"));
    all.add(typeOf("#8", "Microsoft.Compute/galleries/images"));
    // hyperVGeneration (Compute 2019-03-01) and architecture (GalleryRP 2021-10-01) came later.
    for (String step : List.of("#5", "#8", "#36", "#39")) {
      all.add(
          DeliberateDifference.of(
              "aGenerationIsReported",
              OLD_SIG,
              step + "/properties/hyperVGeneration",
              LATER_FIELD,
              "\"V1\""));
    }
    for (String step : List.of("#5", "#8")) {
      all.add(
          DeliberateDifference.of(
              "anArchitectureIsReported",
              OLD_SIG,
              step + "/properties/architecture",
              LATER_FIELD,
              "\"x64\""));
    }
    return List.copyOf(all);
  }

  private static DeliberateDifference typeOf(String step, String type) {
    return DeliberateDifference.of(
        "aResourceHasItsType", OLD_SIG, step + "/type", LATER_FIELD, "\"" + type + "\"");
  }

  private RecordingDifferences() {}

  static List<DeliberateDifference> forFile(String file) {
    return ALL.stream().filter(difference -> difference.file().equals(file)).toList();
  }
}
