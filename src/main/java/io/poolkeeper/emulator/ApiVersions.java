package io.poolkeeper.emulator;

import java.util.List;

/**
 * The api-versions each emulated resource type accepts. The first of each list is the version the
 * Azure SDK jars on the classpath send (found in their generated {@code *ClientImpl} classes); the
 * others are the versions of the reference examples and recorded traffic in {@code
 * shared/azure-reference}.
 */
final class ApiVersions {

  /** azure-resourcemanager-resources 2.54.1, ResourceManagementClientImpl. */
  static final String RESOURCES_SDK = "2025-04-01";

  /** azure-resourcemanager-resources 2.54.1, ManagementLockClientImpl. */
  static final String LOCKS_SDK = "2017-04-01";

  /** azure-resourcemanager-compute 2.55.1, ImagesClientImpl (and VirtualMachinesClientImpl). */
  static final String IMAGES_SDK = "2025-04-01";

  /** azure-resourcemanager-compute 2.55.1, SnapshotsClientImpl (and DisksClientImpl). */
  static final String DISKS_SDK = "2025-01-02";

  /** azure-resourcemanager-compute 2.55.1, Galleries/GalleryImages/GalleryImageVersions. */
  static final String GALLERIES_SDK = "2024-03-03";

  /** azure-resourcemanager-batch 1.0.0, BatchManagementClientImpl. */
  static final String BATCH_SDK = "2022-01-01";

  static final List<String> RESOURCE_GROUPS =
      List.of(RESOURCES_SDK, "2021-04-01", "2021-01-01", "2020-06-01", "2019-10-01", "2017-05-10");

  static final List<String> LOCKS = List.of(LOCKS_SDK, "2020-05-01", "2016-09-01");

  static final List<String> IMAGES =
      List.of(
          IMAGES_SDK,
          "2025-11-01",
          "2024-07-01",
          "2022-08-01",
          "2021-07-01",
          "2020-12-01",
          "2018-06-01");

  static final List<String> VIRTUAL_MACHINES =
      List.of(IMAGES_SDK, "2024-07-01", "2022-08-01", "2021-07-01", "2020-12-01", "2018-06-01");

  static final List<String> DISKS =
      List.of(DISKS_SDK, "2023-04-02", "2021-08-01", "2020-12-01", "2020-09-30");

  static final List<String> GALLERIES =
      List.of(GALLERIES_SDK, "2025-03-03", "2023-07-03", "2022-03-03", "2018-06-01");

  /** Image versions changed shape after the 2018-06-01 preview; that preview is not served. */
  static final List<String> GALLERY_IMAGE_VERSIONS =
      List.of(GALLERIES_SDK, "2025-03-03", "2023-07-03", "2022-03-03");

  /**
   * 1.1.0-beta.2 of the Batch SDK sends 2023-05-01; 2024-07-01 is the first version that changes
   * vmSize and image in place.
   */
  static final List<String> BATCH =
      List.of(BATCH_SDK, "2026-08-01", "2024-07-01", "2023-05-01", "2021-06-01", "2017-09-01");

  private ApiVersions() {}

  /** True if {@code apiVersion} is {@code reference} or later (api-versions sort as text). */
  static boolean atLeast(String apiVersion, String reference) {
    return apiVersion.compareTo(reference) >= 0;
  }
}
