package io.poolkeeper.emulator.arm;

import java.util.List;
import java.util.TreeSet;

/**
 * The api-versions each emulated resource type accepts: every stable version Azure publishes for
 * it, since Azure accepts them all. Previews are not accepted.
 *
 * <p>Source: the stable folders of Azure/azure-rest-api-specs, as the {@code readme.md} package
 * tags of each specification list them
 * (specification/resources/resource-manager/Microsoft.Resources /resources,
 * .../Microsoft.Authorization/locks, specification/compute/resource-manager
 * /Microsoft.Compute/Compute, specification/batch/resource-manager/Microsoft.Batch/Batch), plus the
 * newer stable folders the reference examples come from (ComputeRP 2025-11-01, GalleryRP
 * 2025-03-03, Batch 2025-06-01 and 2026-08-01). A type is listed from the version whose
 * specification first describes it: managed images from Compute 2017-03-30, galleries from
 * 2018-06-01. The {@code *_SDK} constants are what the Azure SDK jars on Poolkeeper's classpath
 * send (their generated {@code *ClientImpl} classes).
 */
public final class ApiVersions {

  /** azure-resourcemanager-resources 2.54.1, ResourceManagementClientImpl. */
  public static final String RESOURCES_SDK = "2025-04-01";

  /** azure-resourcemanager-resources 2.54.1, ManagementLockClientImpl. */
  public static final String LOCKS_SDK = "2017-04-01";

  /** azure-resourcemanager-compute 2.55.1, ImagesClientImpl (and VirtualMachinesClientImpl). */
  public static final String IMAGES_SDK = "2025-04-01";

  /** azure-resourcemanager-compute 2.55.1, SnapshotsClientImpl (and DisksClientImpl). */
  public static final String DISKS_SDK = "2025-01-02";

  /** azure-resourcemanager-compute 2.55.1, Galleries/GalleryImages/GalleryImageVersions. */
  public static final String GALLERIES_SDK = "2024-03-03";

  /** azure-resourcemanager-batch 1.0.0, BatchManagementClientImpl. */
  public static final String BATCH_SDK = "2022-01-01";

  /** Microsoft.Resources resources.json: resource groups and the resource-group operation URLs. */
  public static final List<String> RESOURCE_GROUPS =
      List.of(
          "2015-11-01",
          "2016-02-01",
          "2016-07-01",
          "2016-09-01",
          "2017-05-10",
          "2018-02-01",
          "2018-05-01",
          "2019-03-01",
          "2019-05-01",
          "2019-05-10",
          "2019-07-01",
          "2019-08-01",
          "2019-10-01",
          "2020-06-01",
          "2020-08-01",
          "2020-10-01",
          "2021-01-01",
          "2021-04-01",
          "2022-09-01",
          "2023-07-01",
          "2024-03-01",
          "2024-07-01",
          "2024-11-01",
          "2025-03-01",
          RESOURCES_SDK);

  /** Microsoft.Authorization locks.json. */
  public static final List<String> LOCKS =
      List.of("2015-01-01", "2016-09-01", LOCKS_SDK, "2020-05-01");

  /** Compute RP (compute.json, later ComputeRP.json) from the first version with images. */
  public static final List<String> IMAGES =
      List.of(
          "2017-03-30",
          "2017-12-01",
          "2018-04-01",
          "2018-06-01",
          "2018-10-01",
          "2019-03-01",
          "2019-07-01",
          "2019-12-01",
          "2020-06-01",
          "2020-12-01",
          "2021-03-01",
          "2021-04-01",
          "2021-07-01",
          "2021-11-01",
          "2022-03-01",
          "2022-08-01",
          "2022-11-01",
          "2023-03-01",
          "2023-07-01",
          "2023-09-01",
          "2024-03-01",
          "2024-07-01",
          "2024-11-01",
          IMAGES_SDK,
          "2025-11-01");

  /** Compute RP: virtual machines are in every stable version, from the first one. */
  public static final List<String> VIRTUAL_MACHINES =
      concat(List.of("2015-06-15", "2016-03-30"), IMAGES);

  /** Disk RP (disk.json, later DiskRP.json): managed disks and snapshots. */
  public static final List<String> DISKS =
      List.of(
          "2017-03-30",
          "2018-04-01",
          "2018-06-01",
          "2018-09-30",
          "2019-03-01",
          "2019-07-01",
          "2019-11-01",
          "2020-05-01",
          "2020-06-30",
          "2020-09-30",
          "2020-12-01",
          "2021-04-01",
          "2021-08-01",
          "2021-12-01",
          "2022-03-02",
          "2022-07-02",
          "2023-01-02",
          "2023-04-02",
          "2023-10-02",
          "2024-03-02",
          DISKS_SDK);

  /**
   * Gallery RP (gallery.json, later GalleryRP.json): galleries, image definitions and image
   * versions. Before 2019-07-01 a version names its source in {@code
   * publishingProfile.source.managedImage}; the emulator reads that too.
   */
  public static final List<String> GALLERIES =
      List.of(
          "2018-06-01",
          "2019-03-01",
          "2019-07-01",
          "2019-12-01",
          "2020-09-30",
          "2021-07-01",
          "2021-10-01",
          "2022-01-03",
          "2022-03-03",
          "2022-08-03",
          "2023-07-03",
          GALLERIES_SDK,
          "2025-03-03");

  /** Everything the Compute operation-status URLs (operations, DiskOperations...) answer to. */
  public static final List<String> COMPUTE_OPERATIONS = concat(VIRTUAL_MACHINES, DISKS, GALLERIES);

  /**
   * Batch management (BatchManagement.json, later openapi.json): accounts, pools and pool operation
   * URLs. 1.1.0-beta.2 of the Batch SDK sends 2023-05-01; 2024-07-01 is the first version that
   * changes vmSize and image in place.
   */
  public static final List<String> BATCH =
      List.of(
          "2015-12-01",
          "2017-01-01",
          "2017-05-01",
          "2017-09-01",
          "2018-12-01",
          "2019-04-01",
          "2019-08-01",
          "2020-03-01",
          "2020-05-01",
          "2020-09-01",
          "2021-01-01",
          "2021-06-01",
          BATCH_SDK,
          "2022-06-01",
          "2022-10-01",
          "2023-05-01",
          "2023-11-01",
          "2024-02-01",
          "2024-07-01",
          "2025-06-01",
          "2026-08-01");

  private ApiVersions() {}

  /** True if {@code apiVersion} is {@code reference} or later (api-versions sort as text). */
  public static boolean atLeast(String apiVersion, String reference) {
    return apiVersion.compareTo(reference) >= 0;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    TreeSet<String> all = new TreeSet<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
