package io.poolkeeper.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the emulator deliberately answers differently from Microsoft's REST examples, and why. Most
 * differences are the examples contradicting their own request or the recorded traffic of the real
 * service; the rest are behaviour the emulator does not model. {@link ReferenceExamplesReplayTest}
 * asserts the emulator's value for each.
 */
final class ExampleDifferences {

  private static final String[] BATCH_VERSIONS = {"2022-01-01", "2023-05-01", "2026-08-01"};
  private static final String GALLERY = "compute/GalleryRP/2025-03-03/";
  private static final String VERSION_ID =
      "/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers/Microsoft.Compute"
          + "/galleries/myGalleryName/images/myGalleryImageName/versions/1.0.0";
  private static final String NORMALIZED_LOCATION =
      "ARM answers with the normalized location ('westus'), as the Image_Create examples and every"
          + " recording show; this example echoes the display name.";

  private static final String POOL_ETAG =
      "Batch answers every pool with its ETag (every earlier example and recordings/canCRUDBatchPool"
          + ".json); the 2026-08-01 examples leave it out.";

  static final List<DeliberateDifference> ALL = all();

  private ExampleDifferences() {}

  static List<DeliberateDifference> forFile(String file) {
    return ALL.stream().filter(difference -> difference.file().equals(file)).toList();
  }

  private static List<DeliberateDifference> all() {
    List<DeliberateDifference> all = new ArrayList<>();
    String secretsAreWriteOnly =
        "Batch never answers with a user account's password: the 2026-08-01 spec marks it"
            + " x-ms-secret, and the 2026-08-01 examples leave it out; the older example echoes"
            + " the request.";
    all.add(
        DeliberateDifference.of(
            "aUserPasswordIsNeverAnswered",
            "batch/2022-01-01/PoolGet.json",
            "/properties/userAccounts/[username1]/password",
            secretsAreWriteOnly,
            null));
    all.add(
        DeliberateDifference.of(
            "aUserPasswordIsNeverAnswered",
            "batch/2022-01-01/PoolList.json",
            "/value/[testpool]/properties/userAccounts/[username1]/password",
            secretsAreWriteOnly,
            null));
    for (String version : BATCH_VERSIONS) {
      String batch = "batch/" + version + "/";
      all.add(
          DeliberateDifference.of(
              "aNewPoolsFirstResizeReportsRequeue",
              batch + "PoolGet.json",
              "/properties/resizeOperationStatus/nodeDeallocationOption",
              "A new pool's first allocation reports Requeue, as recorded from Azure"
                  + " (canCRUDBatchPool); the example shows a later resize the replay cannot know.",
              "\"Requeue\""));
      all.add(
          DeliberateDifference.of(
              "aNewPoolsFirstResizeReportsRequeue",
              batch + "PoolList.json",
              "/value/[testpool]/properties/resizeOperationStatus/nodeDeallocationOption",
              "A new pool's first allocation reports Requeue, as recorded from Azure"
                  + " (canCRUDBatchPool).",
              "\"Requeue\""));
      all.add(
          DeliberateDifference.of(
              "theFilterExcludesTestpool",
              batch + "PoolListWithFilter.json",
              "/value/[testpool]",
              "testpool's name does not start with 'po' and its provisioningStateTransitionTime"
                  + " (2017-08-28) is not before 2017-02-02: the example lists it anyway, the"
                  + " emulator applies the filter as written.",
              null));
      all.add(
          DeliberateDifference.of(
              "stopResizeAnswersStopping",
              batch + "PoolStopResize.json",
              "/properties/allocationState",
              "A stopped resize is Stopping first and Steady (with ResizeStopped) a simulated"
                  + " minute later.",
              "\"Stopping\""));
      all.add(
          DeliberateDifference.of(
              "theStoppedResizeFollowedTheScaleSettings",
              batch + "PoolStopResize.json",
              "/properties/resizeOperationStatus/targetDedicatedNodes",
              "The example's resize (1 node) contradicts its scale settings (3 nodes); the"
                  + " emulator's last resize is the one the scale settings asked for.",
              "3"));
      all.add(
          DeliberateDifference.of(
              "theStoppedResizeUsedTheScaleSettingsTimeout",
              batch + "PoolStopResize.json",
              "/properties/resizeOperationStatus/resizeTimeout",
              "The example's resize timeout (PT10M) contradicts its scale settings (PT15M).",
              "\"PT15M\""));
      all.add(
          DeliberateDifference.of(
              "theFormulaIsKeptAsSent",
              batch + "PoolUpdate_EnableAutoScale.json",
              "/properties/scaleSettings/autoScale/formula",
              "The request sets $TargetDedicatedNodes=34; the example answers with another"
                  + " formula. The emulator keeps the formula as sent.",
              "\"$TargetDedicatedNodes=34\""));
      for (String update :
          List.of("PoolUpdate_OtherProperties.json", "PoolUpdate_ResizePool.json")) {
        all.add(
            DeliberateDifference.of(
                "noAutoScaleRunOnAFixedPool",
                batch + update,
                "/properties/autoScaleRun",
                "The example shows an autoScaleRun on a fixed-scale pool; the emulator reports"
                    + " one only for autoscale pools.",
                null));
      }
      all.add(
          DeliberateDifference.of(
              "theResizeFollowsTheScaleSettings",
              batch + "PoolUpdate_OtherProperties.json",
              "/properties/resizeOperationStatus/targetDedicatedNodes",
              "The example's resize target (8) matches neither its scale settings (1) nor the"
                  + " request; the emulator resizes towards the scale settings.",
              "1"));
      all.add(
          DeliberateDifference.of(
              "thePatchIsApplied",
              batch + "PoolUpdate_ResizePool.json",
              "/properties/scaleSettings/fixedScale/targetDedicatedNodes",
              "The request asks for 5 dedicated nodes; the example answers with 1.",
              "5"));
      all.add(
          DeliberateDifference.of(
              "theResizeGoesWhereThePatchSays",
              batch + "PoolUpdate_ResizePool.json",
              "/properties/resizeOperationStatus/targetDedicatedNodes",
              "The request asks for 5 dedicated nodes; the example's resize goes to 8.",
              "5"));
      String create = batch + "PoolCreate_VirtualMachineConfiguration.json";
      all.add(
          DeliberateDifference.of(
              "theRequestedOsDiskIsKept",
              create,
              "/properties/deploymentConfiguration/virtualMachineConfiguration/osDisk",
              "The request sets an ephemeral OS disk; the example's answer leaves the osDisk out."
                  + " The emulator keeps the properties as sent.",
              "{\"ephemeralOSDiskSettings\": {\"placement\": \"CacheDisk\"}}"));
      all.add(
          DeliberateDifference.present(
              "aConstantFormulaResizesAtOnce",
              create,
              "/properties/resizeOperationStatus",
              "The emulator evaluates a constant autoscale formula when the pool is created and"
                  + " starts its resize; Batch's answer comes before its first evaluation."));
      all.add(
          DeliberateDifference.present(
              "aConstantFormulaRunsAtOnce",
              create,
              "/properties/autoScaleRun",
              "The emulator evaluates a constant autoscale formula when the pool is created;"
                  + " Batch's answer comes before its first evaluation."));
      all.add(
          DeliberateDifference.present(
              "theSeededFormulaResizedThePool",
              batch + "PoolDisableAutoScale.json",
              "/properties/resizeOperationStatus",
              "The replay seeds the pool with a constant formula, which the emulator evaluates and"
                  + " resizes to at once; the example's pool shows no resize yet."));
    }
    for (String withoutEtag :
        List.of(
            "PoolCreate_SharedImageGallery.json",
            "PoolCreate_VirtualMachineConfiguration.json",
            "PoolDisableAutoScale.json",
            "PoolGet.json",
            "PoolStopResize.json",
            "PoolUpdate_EnableAutoScale.json",
            "PoolUpdate_OtherProperties.json",
            "PoolUpdate_ResizePool.json")) {
      all.add(
          DeliberateDifference.present(
              "aPoolHasAnEtag", "batch/2026-08-01/" + withoutEtag, "/etag", POOL_ETAG));
    }
    all.add(
        DeliberateDifference.present(
            "aPoolHasAnEtag",
            "batch/2026-08-01/PoolList.json",
            "/value/[testpool]/etag",
            POOL_ETAG));
    all.add(
        DeliberateDifference.present(
            "aPoolHasAnEtag",
            "batch/2026-08-01/PoolListWithFilter.json",
            "/value/[pooltest]/etag",
            POOL_ETAG));
    all.add(
        DeliberateDifference.of(
            "theRequestedDiskTypeIsKept",
            "batch/2026-08-01/PoolCreate_VirtualMachineConfiguration.json",
            "/properties/deploymentConfiguration/virtualMachineConfiguration/dataDisks/1"
                + "/managedDisk/storageAccountType",
            "The request asks for Premium_LRS at LUN 1; the example answers Standard_LRS.",
            "\"Premium_LRS\""));
    for (String image :
        List.of(
            "compute/ComputeRP/2025-04-01/Image_CreateFromASnapshot.json",
            "compute/ComputeRP/2025-11-01/Image_Create_DataDiskFromASnapshotIncluded.json")) {
      all.add(
          DeliberateDifference.of(
              "theIdIsTheRequestedResource",
              image,
              "/id",
              "The example's id names resource group 'disk' while the request is for"
                  + " 'myResourceGroup'.",
              "\"/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers"
                  + "/Microsoft.Compute/images/myImage\""));
    }
    all.add(
        DeliberateDifference.of(
            "theIdIsTheRequestedResource",
            "compute/ComputeRP/2025-11-01/Image_Get.json",
            "/id",
            "The example's id spells the subscription {subscriptionId}; its request says"
                + " {subscription-id}.",
            "\"/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers"
                + "/Microsoft.Compute/images/myImage\""));
    all.add(
        DeliberateDifference.of(
            "theLocationIsNormalized",
            "compute/ComputeRP/2025-11-01/Image_Get.json",
            "/location",
            NORMALIZED_LOCATION,
            "\"westus\""));
    all.add(
        DeliberateDifference.of(
            "aFinishedImageIsSucceeded",
            "compute/ComputeRP/2025-11-01/Image_Get.json",
            "/properties/provisioningState",
            "Compute reports Succeeded for a finished image (every recording); 'created' is not"
                + " a provisioning state.",
            "\"Succeeded\""));
    all.add(
        DeliberateDifference.of(
            "theIdIsTheRequestedResource",
            "compute/DiskRP/2025-01-02/Snapshot_Get.json",
            "/id",
            "The example's id spells the subscription {subscriptionId}; its request says"
                + " {subscription-id}.",
            "\"/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers"
                + "/Microsoft.Compute/snapshots/mySnapshot\""));
    all.add(
        DeliberateDifference.of(
            "theIdIsTheRequestedResource",
            GALLERY + "Gallery_Create.json",
            "/id",
            "The example's id names gallery 'myGallery'; the request creates 'myGalleryName'.",
            "\"/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers"
                + "/Microsoft.Compute/galleries/myGalleryName\""));
    all.add(
        DeliberateDifference.of(
            "theIdIsTheRequestedResource",
            GALLERY + "GalleryImage_Create.json",
            "/id",
            "The example's id names gallery 'myGallery'; the request is for 'myGalleryName'.",
            "\"/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers"
                + "/Microsoft.Compute/galleries/myGalleryName/images/myGalleryImageName\""));
    for (String version :
        List.of(
            "GalleryImageVersion_Create.json",
            "GalleryImageVersion_Create_WithSnapshotsAsSource.json",
            "GalleryImageVersion_Get_WithReplicationStatus.json")) {
      all.add(
          DeliberateDifference.of(
              "theIdIsTheRequestedResource",
              GALLERY + version,
              "/id",
              "The example's id is a location-scoped path that is not the version's resource ID.",
              "\"" + VERSION_ID + "\""));
    }
    for (String file :
        List.of(
            "Gallery_Create.json",
            "GalleryImage_Create.json",
            "GalleryImageVersion_Create.json",
            "GalleryImageVersion_Create_WithSnapshotsAsSource.json",
            "GalleryImageVersion_Get_WithReplicationStatus.json",
            "GalleryImageVersion_Update.json")) {
      all.add(
          DeliberateDifference.of(
              "theLocationIsNormalized",
              GALLERY + file,
              "/location",
              NORMALIZED_LOCATION,
              "\"westus\""));
    }
    for (String create :
        List.of(
            "GalleryImageVersion_Create.json",
            "GalleryImageVersion_Create_WithSnapshotsAsSource.json")) {
      all.add(
          DeliberateDifference.of(
              "newVersionsAreNotReportedForPolicyViolations",
              GALLERY + create,
              "/properties/safetyProfile/reportedForPolicyViolation",
              "Policy-violation reports come from Azure's image scanning, which the emulator does"
                  + " not model.",
              "false"));
      all.add(
          DeliberateDifference.of(
              "newVersionsHaveNoPolicyViolations",
              GALLERY + create,
              "/properties/safetyProfile/policyViolations",
              "Policy-violation reports come from Azure's image scanning, which the emulator does"
                  + " not model.",
              null));
    }
    String derivedLater =
        "Azure fills in the disks it derives from the source only once the version exists (recorded"
            + " in SharedGalleryImageTests); the answer to the create leaves them out.";
    all.add(
        DeliberateDifference.of(
            "derivedDisksAppearOnceCreated",
            GALLERY + "GalleryImageVersion_Create.json",
            "/properties/storageProfile/osDiskImage",
            derivedLater,
            null));
    all.add(
        DeliberateDifference.of(
            "derivedDataDisksAppearOnceCreated",
            GALLERY + "GalleryImageVersion_Create.json",
            "/properties/storageProfile/dataDiskImages",
            derivedLater,
            null));
    all.add(
        DeliberateDifference.of(
            "derivedDiskSizesAppearOnceCreated",
            GALLERY + "GalleryImageVersion_Create_WithSnapshotsAsSource.json",
            "/properties/storageProfile/osDiskImage/sizeInGB",
            derivedLater,
            null));
    all.add(
        DeliberateDifference.of(
            "derivedDataDiskSizesAppearOnceCreated",
            GALLERY + "GalleryImageVersion_Create_WithSnapshotsAsSource.json",
            "/properties/storageProfile/dataDiskImages/0/sizeInGB",
            derivedLater,
            null));
    String imageDefaults =
        "Compute fills in the defaults of an image's disks and generation (caching,"
            + " storageAccountType, hyperVGeneration), as recorded in"
            + " VirtualMachineCustomImageOperationsTest.canCreateImageFromManagedDisk; the example"
            + " leaves them out.";
    String fromSnapshot = "compute/ComputeRP/2025-04-01/Image_CreateFromASnapshot.json";
    String dataDisk =
        "compute/ComputeRP/2025-11-01/Image_Create_DataDiskFromASnapshotIncluded.json";
    String imageGet = "compute/ComputeRP/2025-11-01/Image_Get.json";
    for (String file : List.of(fromSnapshot, dataDisk)) {
      all.add(
          DeliberateDifference.of(
              "imageDiskDefaultsAreFilledIn",
              file,
              "/properties/storageProfile/osDisk/storageAccountType",
              imageDefaults,
              "\"Standard_LRS\""));
    }
    for (String file : List.of(fromSnapshot, dataDisk, imageGet)) {
      all.add(
          DeliberateDifference.of(
              "imageDiskDefaultsAreFilledIn",
              file,
              "/properties/hyperVGeneration",
              imageDefaults,
              "\"V1\""));
    }
    for (String file : List.of(dataDisk, imageGet)) {
      all.add(
          DeliberateDifference.of(
              "imageDiskDefaultsAreFilledIn",
              file,
              "/properties/storageProfile/dataDisks/0/caching",
              imageDefaults,
              "\"None\""));
    }
    all.add(
        DeliberateDifference.of(
            "imageDiskDefaultsAreFilledIn",
            dataDisk,
            "/properties/storageProfile/dataDisks/0/storageAccountType",
            imageDefaults,
            "\"Standard_LRS\""));
    all.add(
        DeliberateDifference.of(
            "imageDiskDefaultsAreFilledIn",
            imageGet,
            "/properties/storageProfile/osDisk/caching",
            imageDefaults,
            "\"ReadWrite\""));
    all.add(
        DeliberateDifference.of(
            "aFinishedImageReportsItsDiskSizes",
            imageGet,
            "/properties/storageProfile/dataDisks/0/diskSizeGB",
            "A finished image reports the size of each disk it was made from (recorded in"
                + " VirtualMachineCustomImageOperationsTest.canCreateImageFromManagedDisk); the"
                + " replay seeds a 10 GB snapshot.",
            "10"));
    String snapshotGet = "compute/DiskRP/2025-01-02/Snapshot_Get.json";
    String snapshotFields =
        "The Disk RP reports these for every snapshot (recorded in"
            + " ManagedDiskOperationsTests.canOperateOnManagedDiskFromSnapshot); the example leaves"
            + " them out.";
    for (String[] field :
        List.of(
            new String[] {"/properties/incremental", "false"},
            new String[] {"/properties/diskState", "\"Unattached\""},
            new String[] {"/properties/diskSizeBytes", "107374182400"},
            new String[] {"/properties/networkAccessPolicy", "\"AllowAll\""},
            new String[] {"/sku", "{\"name\": \"Standard_LRS\", \"tier\": \"Standard\"}"})) {
      all.add(
          DeliberateDifference.of(
              "aSnapshotReportsWhatTheDiskRpAdds",
              snapshotGet,
              field[0],
              snapshotFields,
              field[1]));
    }
    all.add(
        DeliberateDifference.present(
            "aSnapshotReportsWhatTheDiskRpAdds",
            snapshotGet,
            "/properties/uniqueId",
            snapshotFields));
    String typeRecorded =
        "Compute answers a resource's type (SharedGalleryImageTests recording); the gallery"
            + " examples leave it out.";
    all.add(
        DeliberateDifference.of(
            "aGalleryResourceHasItsType",
            GALLERY + "Gallery_Create.json",
            "/type",
            typeRecorded,
            "\"Microsoft.Compute/galleries\""));
    all.add(
        DeliberateDifference.of(
            "aGalleryResourceHasItsType",
            GALLERY + "GalleryImage_Create.json",
            "/type",
            typeRecorded,
            "\"Microsoft.Compute/galleries/images\""));
    all.add(
        DeliberateDifference.of(
            "aDefinitionHasAnArchitecture",
            GALLERY + "GalleryImage_Create.json",
            "/properties/architecture",
            "Compute defaults a definition's architecture to x64 (SharedGalleryImageTests"
                + " recording); the example leaves it out.",
            "\"x64\""));
    for (String file :
        List.of(
            "GalleryImageVersion_Create.json",
            "GalleryImageVersion_Create_WithSnapshotsAsSource.json",
            "GalleryImageVersion_Get_WithReplicationStatus.json",
            "GalleryImageVersion_Update.json")) {
      all.add(
          DeliberateDifference.of(
              "aGalleryResourceHasItsType",
              GALLERY + file,
              "/type",
              typeRecorded,
              "\"Microsoft.Compute/galleries/images/versions\""));
      all.add(
          DeliberateDifference.of(
              "aVersionIsNotExcludedFromLatestByDefault",
              GALLERY + file,
              "/properties/publishingProfile/excludeFromLatest",
              "Compute reports the version's excludeFromLatest, false unless set"
                  + " (SharedGalleryImageTests recording); the example leaves it out.",
              "false"));
    }
    all.add(
        DeliberateDifference.of(
            "anUpdatedVersionKeepsItsSafetyProfile",
            GALLERY + "GalleryImageVersion_Update.json",
            "/properties/safetyProfile",
            "Compute reports the safety profile of every version (the other version examples and"
                + " the SharedGalleryImageTests recording); this example leaves it out.",
            "{\"reportedForPolicyViolation\": false, \"allowDeletionOfReplicatedLocations\":"
                + " false}"));
    all.add(
        DeliberateDifference.of(
            "theIdIsTheRequestedResource",
            GALLERY + "GalleryImageVersion_Update.json",
            "/id",
            "The example's answer has no id; every other answer of Compute carries the resource's"
                + " id.",
            "\"" + VERSION_ID + "\""));
    for (String lock :
        List.of(
            "locks/2020-05-01/ManagementLocks_CreateOrUpdateAtResourceLevel.json",
            "locks/2020-05-01/ManagementLocks_GetAtResourceLevel.json")) {
      all.add(
          DeliberateDifference.of(
              "aLocksIdIsBelowItsScope",
              lock,
              "/id",
              "ARM gives a lock the ID {scope}/providers/Microsoft.Authorization/locks/{name}; the"
                  + " example's id leaves out the locked storage account.",
              "\"/subscriptions/subscriptionId/resourceGroups/resourcegroupname/providers"
                  + "/Microsoft.Storage/storageAccounts/teststorageaccount/providers"
                  + "/Microsoft.Authorization/locks/testlock\""));
    }
    return List.copyOf(all);
  }
}
