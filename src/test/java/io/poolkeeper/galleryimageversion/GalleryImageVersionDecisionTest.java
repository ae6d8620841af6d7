package io.poolkeeper.galleryimageversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionStatus;
import io.poolkeeper.api.GalleryImageVersionStatus.RegionReplication;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ManagedImageStatus;
import io.poolkeeper.api.PendingOperation;
import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService.ImageDefinitionInfo;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ImageVersionUpdate;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import io.poolkeeper.azure.GalleryService.ReplicationProgress;
import io.poolkeeper.azure.OperationService.OperationState;
import io.poolkeeper.azure.OperationService.OperationStatus;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.CreateGallery;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.CreateImageDefinition;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.CreateVersion;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.DeleteVersion;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.PutLock;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.RemoveLock;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.UpdateVersion;
import io.poolkeeper.galleryimageversion.GalleryImageVersionDecision.Observation;
import io.poolkeeper.galleryimageversion.GalleryImageVersionDecision.Plan;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.Pace;
import io.poolkeeper.operator.StatusUpdates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the GalleryImageVersion controller decides from what it observes. Azure's answers are
 * modelled on DOMAIN.md "Compute behaviour": versions report regions as display names, replication
 * per region with {@code $expand=ReplicationStatus}, and provisioningState Creating/Updating until
 * replication is done.
 */
class GalleryImageVersionDecisionTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
  private static final String IMAGE_ID =
      "/subscriptions/"
          + SUBSCRIPTION
          + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/render-base-2026-11";
  private static final GalleryImageVersionRef REF =
      new GalleryImageVersionRef(
          SUBSCRIPTION, "rg-images", "render_gallery", "render-base", "1.0.0");
  private static final ImageDefinitionInfo DEFINITION =
      new ImageDefinitionInfo(
          REF.imageDefinitionId(),
          "Succeeded",
          "Linux",
          "Generalized",
          "V2",
          "contoso",
          "render",
          "ubuntu-22-04");

  @Test
  void aMissingGalleryIsCreatedFirst() {
    Plan plan = reconcile(object(), observation().definition(null).gallery(null));

    assertThat(plan.actions()).containsExactly(new CreateGallery("westeurope"));
    assertThat(reasons(plan)).contains("CreatingGallery");
    assertCondition(plan, Conditions.READY, "False", "CreatingGallery");
    assertCondition(plan, Conditions.RECONCILING, "True", "CreatingGallery");
    assertThat(plan.pace()).isEqualTo(Pace.BUSY);
  }

  @Test
  void aGalleryStillProvisioningIsWaitedFor() {
    Plan plan = reconcile(object(), observation().definition(null).gallery("Creating"));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.notices()).isEmpty();
    assertCondition(plan, Conditions.READY, "False", "CreatingGallery");
  }

  @Test
  void aMissingDefinitionIsCreatedAsTheSpecDescribesIt() {
    Plan plan = reconcile(object(), observation().definition(null).gallery("Succeeded"));

    assertThat(plan.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            CreateImageDefinition.class,
            create ->
                assertThat(create.settings())
                    .extracting(
                        s -> s.osType(),
                        s -> s.osState(),
                        s -> s.hyperVGeneration(),
                        s -> s.publisher(),
                        s -> s.offer(),
                        s -> s.sku(),
                        s -> s.location())
                    .containsExactly(
                        "Linux",
                        "Generalized",
                        "V2",
                        "contoso",
                        "render",
                        "ubuntu-22-04",
                        "westeurope"));
    assertThat(reasons(plan)).contains("CreatingImageDefinition");
  }

  @Test
  void aDefinitionWithAnotherOsTypeIsStalledNamingTheDifferenceOnce() {
    ImageDefinitionInfo windows =
        new ImageDefinitionInfo(
            REF.imageDefinitionId(),
            "Succeeded",
            "Windows",
            "Generalized",
            "V2",
            "contoso",
            "render",
            "ubuntu-22-04");

    Plan plan = reconcile(object(), observation().definition(windows));

    assertThat(plan.actions()).isEmpty();
    Condition stalled = condition(plan, Conditions.STALLED);
    assertThat(stalled.getStatus()).isEqualTo("True");
    assertThat(stalled.getReason()).isEqualTo("ImageDefinitionDiffers");
    assertThat(stalled.getMessage()).contains("osType Windows (the spec says Linux)");
    assertThat(plan.notices())
        .extracting(Notice::type, Notice::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", "ImageDefinitionDiffers"));
    assertThat(plan.pace()).isEqualTo(Pace.STALLED);

    Plan again = reconcile(withStatus(object(), plan.status()), observation().definition(windows));
    assertThat(again.notices()).isEmpty();
  }

  @Test
  void aVersionIsStalledWhileItsManagedImageIsMissingAtTwoLooksAndWaitsWhileItIsNotReady() {
    // Issue 14, campaign 5: a reference to a missing object (or to one in another namespace) needs
    // a person; the ManagedImage informer wakes the version when the image appears.
    // At the first look the image may only be missing from the cache (applied together).
    Plan first = reconcile(object(), observation().sourceImage(null));
    assertThat(first.actions()).isEmpty();
    assertThat(condition(first, Conditions.READY).getReason()).isEqualTo("ImageMissing");
    assertThat(condition(first, Conditions.STALLED).getStatus()).isEqualTo("False");
    assertThat(first.notices()).isEmpty();
    assertThat(first.pace()).isEqualTo(Pace.BUSY);

    GalleryImageVersion waited = object();
    waited.setStatus(first.status());
    Plan missing = reconcile(waited, observation().sourceImage(null));

    assertThat(missing.actions()).isEmpty();
    Condition stalled = condition(missing, Conditions.STALLED);
    assertThat(stalled.getStatus()).isEqualTo("True");
    assertThat(stalled.getReason()).isEqualTo("ImageMissing");
    assertThat(stalled.getMessage())
        .contains("ManagedImage render-base-2026-11")
        .contains("does not exist in namespace")
        .contains("spec.source.managedImageRef");
    assertThat(condition(missing, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(missing.notices()).extracting(Notice::reason).containsExactly("ImageMissing");
    assertThat(missing.pace()).isEqualTo(Pace.STALLED);

    Plan provisioning =
        reconcile(object(), observation().sourceImage(managedImage(false, "Creating the image.")));
    assertThat(provisioning.actions()).isEmpty();
    assertThat(condition(provisioning, Conditions.READY).getMessage())
        .contains("to be Ready")
        .contains("Creating the image.");
    assertThat(condition(provisioning, Conditions.STALLED).getStatus()).isEqualTo("False");
  }

  @Test
  void aReadyManagedImageIsTheSourceOfANewVersionTaggedForItsOwner() {
    GalleryImageVersion object = object();

    Plan plan = reconcile(object, observation());

    CreateVersion create = single(plan, CreateVersion.class);
    assertThat(create.definition().sourceImageId()).isEqualTo(IMAGE_ID);
    assertThat(create.definition().location()).isEqualTo("westeurope");
    assertThat(create.definition().targetRegions())
        .containsExactly(
            new ReplicaTarget("westeurope", 1, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));
    assertThat(create.definition().tags())
        .containsEntry("team", "render")
        .containsEntry(OwnerTag.KEY, OwnerTag.value(object));
    assertThat(reasons(plan)).contains("Creating");
    assertThat(plan.status().getProvisioningState()).isEqualTo("Creating");
    assertThat(plan.status().getImageVersionResourceId()).isEqualTo(REF.resourceId());
  }

  @Test
  void aVersionThatDisappearedFromAzureIsCreatedAgainWithAWarning() {
    GalleryImageVersionStatus created = new GalleryImageVersionStatus();
    created.setImageVersionResourceId(REF.resourceId());
    created.setProvisioningState("Succeeded");

    Plan plan = reconcile(withStatus(object(), created), observation());

    assertThat(single(plan, CreateVersion.class).definition().sourceImageId()).isEqualTo(IMAGE_ID);
    assertThat(plan.notices())
        .extracting(Notice::type, Notice::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", "Recreating"));
  }

  @Test
  void aManagedImageIdIsUsedAsItIs() {
    GalleryImageVersion object = object();
    object.getSpec().getSource().setManagedImageRef(null);
    object.getSpec().getSource().setManagedImageId(IMAGE_ID);

    Plan plan = reconcile(object, observation().sourceImage(null));

    assertThat(single(plan, CreateVersion.class).definition().sourceImageId()).isEqualTo(IMAGE_ID);
  }

  @Test
  void replicationIsReportedRegionByRegion() {
    ImageVersionInfo replicating =
        version(
            "Creating",
            ownerTags(),
            List.of(
                target("West Europe", 1, "Standard_LRS"),
                target("North Europe", 1, "Standard_ZRS")),
            List.of(
                progress("West Europe", "Completed", 100),
                progress("North Europe", "Replicating", 40)));

    Plan plan = reconcile(object(), observation().version(replicating));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.status().getReplication())
        .extracting(
            RegionReplication::getRegion,
            RegionReplication::getState,
            RegionReplication::getProgress,
            RegionReplication::getReplicaCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("westeurope", "Completed", 100, 1),
            org.assertj.core.groups.Tuple.tuple("northeurope", "Replicating", 40, 1));
    assertCondition(plan, Conditions.READY, "False", "Provisioning");
    assertCondition(plan, Conditions.REPLICATED, "False", "Replicating");
    assertThat(condition(plan, Conditions.REPLICATED).getMessage())
        .contains("northeurope Replicating 40 %");
    assertThat(plan.pace()).isEqualTo(Pace.BUSY);
  }

  @Test
  void aVersionReplicatedToEveryRegionIsReadyAndReplicated() {
    Plan plan = reconcile(object(), observation().version(replicated(1, 1)));

    assertThat(plan.actions()).isEmpty();
    assertCondition(plan, Conditions.READY, "True", "Available");
    assertCondition(plan, Conditions.RECONCILING, "False", "Available");
    assertCondition(plan, Conditions.STALLED, "False", "Available");
    assertCondition(plan, Conditions.REPLICATED, "True", "Replicated");
    assertCondition(plan, Conditions.IN_USE, "False", "NotInUse");
    assertThat(plan.status().getReplicationState()).isEqualTo("Completed");
    assertThat(plan.status().getProvisioningState()).isEqualTo("Succeeded");
    assertThat(plan.status().getObservedGeneration()).isEqualTo(3L);
    assertThat(plan.status().getConditions())
        .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3L));
    assertThat(plan.pace()).isEqualTo(Pace.IDLE);
  }

  @Test
  void nothingChangedWritesTheSameStatus() {
    Observation observed = observation().version(replicated(1, 1)).build();
    Plan first = GalleryImageVersionDecision.reconcile(object(), observed, true, NOW);

    Plan second =
        GalleryImageVersionDecision.reconcile(
            withStatus(object(), first.status()), observed, true, NOW.plusSeconds(600));

    assertThat(StatusUpdates.same(first.status(), second.status())).isTrue();
    assertThat(second.notices()).isEmpty();
  }

  @Test
  void threePoolsOfAThousandNodesRaiseTheirRegionToFiveReplicasWithOnePatch() {
    Plan plan =
        reconcile(
            object(),
            observation()
                .version(replicated(1, 1))
                .pool(pool("a", 1000), "westeurope")
                .pool(pool("b", 1000), "westeurope")
                .pool(pool("c", 1000), "westeurope"));

    ImageVersionUpdate update = single(plan, UpdateVersion.class).update();
    assertThat(update.targetRegions())
        .containsExactly(
            new ReplicaTarget("westeurope", 5, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));
    assertThat(update.tags()).isNull();
    assertThat(update.excludeFromLatest()).isNull();
    assertThat(update.allowDeletionOfReplicatedLocations()).isNull();
    assertThat(plan.notices())
        .filteredOn(n -> n.reason().equals("Updating"))
        .singleElement()
        .satisfies(n -> assertThat(n.message()).contains("westeurope 1 -> 5 replicas"));
    assertThat(plan.status().getDemand().getPools()).isEqualTo(3);
    assertThat(plan.status().getDemand().getNodes()).isEqualTo(3000);
    assertThat(plan.status().getReplication())
        .extracting(RegionReplication::getReplicaCount)
        .containsExactly(5, 1);
    assertCondition(plan, Conditions.READY, "False", "Updating");
    assertCondition(plan, Conditions.IN_USE, "True", "InUse");
  }

  @Test
  void fewerPoolsLowerTheCountAgainButNeverBelowTheSpec() {
    Plan plan =
        reconcile(
            object(), observation().version(replicated(5, 1)).pool(pool("a", 1000), "westeurope"));

    assertThat(single(plan, UpdateVersion.class).update().targetRegions())
        .containsExactly(
            new ReplicaTarget("westeurope", 2, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));

    Plan none = reconcile(object(), observation().version(replicated(2, 1)));
    assertThat(single(none, UpdateVersion.class).update().targetRegions())
        .containsExactly(
            new ReplicaTarget("westeurope", 1, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));
  }

  @Test
  void replicaAndTagDriftArePutBack() {
    Map<String, String> drifted = new HashMap<>(ownerTags());
    drifted.put("team", "someone-else");
    ImageVersionInfo azure =
        version(
            "Succeeded",
            drifted,
            List.of(
                target("West Europe", 3, "Standard_LRS"),
                target("North Europe", 1, "Standard_ZRS")),
            List.of(
                progress("West Europe", "Completed", 100),
                progress("North Europe", "Completed", 100)));
    GalleryImageVersion fixed = object();
    fixed
        .getSpec()
        .getReplicas()
        .setPolicy(io.poolkeeper.api.GalleryImageVersionSpec.ReplicaPolicy.Fixed);

    Plan plan = reconcile(fixed, observation().version(azure).pool(pool("a", 6000), "westeurope"));

    ImageVersionUpdate update = single(plan, UpdateVersion.class).update();
    assertThat(update.targetRegions())
        .containsExactly(
            new ReplicaTarget("westeurope", 1, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));
    assertThat(update.tags()).containsEntry("team", "render");
  }

  @Test
  void anOwnerTagRemovedInAzureIsPutBackOnAVersionThisObjectManages() {
    GalleryImageVersionStatus managed = new GalleryImageVersionStatus();
    managed.setImageVersionResourceId(REF.resourceId());
    ImageVersionInfo untagged = replicated(1, 1, Map.of("team", "render"));

    Plan plan = reconcile(withStatus(object(), managed), observation().version(untagged));

    assertThat(single(plan, UpdateVersion.class).update().tags()).containsKey(OwnerTag.KEY);
    assertThat(reasons(plan)).doesNotContain("Adopted", "NotOwned");
  }

  @Test
  void removingARegionAllowsDeletingItsReplicas() {
    // Azure refuses to drop a replicated region unless the PATCH allows it
    // (GalleryImageVersionSafetyProfile.allowDeletionOfReplicatedLocations).
    GalleryImageVersion object = object();
    object.getSpec().getTargetRegions().remove(1);

    Plan plan = reconcile(object, observation().version(replicated(1, 1)));

    ImageVersionUpdate update = single(plan, UpdateVersion.class).update();
    assertThat(update.targetRegions())
        .containsExactly(new ReplicaTarget("westeurope", 1, "Standard_LRS"));
    assertThat(update.allowDeletionOfReplicatedLocations()).isTrue();
    assertThat(plan.notices())
        .anySatisfy(n -> assertThat(n.message()).contains("northeurope removed"));
  }

  @Test
  void excludeFromLatestAndEndOfLifeDateArePatchedWhenTheyDiffer() {
    GalleryImageVersion object = object();
    object.getSpec().setExcludeFromLatest(true);
    object.getSpec().setEndOfLifeDate("2027-12-31T00:00:00Z");

    Plan plan = reconcile(object, observation().version(replicated(1, 1)));

    ImageVersionUpdate update = single(plan, UpdateVersion.class).update();
    assertThat(update.excludeFromLatest()).isTrue();
    assertThat(update.endOfLifeDate()).isEqualTo(OffsetDateTime.parse("2027-12-31T00:00:00Z"));
    assertThat(update.targetRegions()).isNull();
    assertThat(update.tags()).isNull();
  }

  @Test
  void nothingIsPatchedWhileAzureIsStillWorkingOnTheVersion() {
    ImageVersionInfo updating =
        version(
            "Updating",
            ownerTags(),
            List.of(
                target("West Europe", 1, "Standard_LRS"),
                target("North Europe", 1, "Standard_ZRS")),
            List.of(
                progress("West Europe", "Replicating", 10),
                progress("North Europe", "Completed", 100)));

    GalleryImageVersionStatus updateStarted = new GalleryImageVersionStatus();
    updateStarted.setPendingOperation(pending("Update"));

    Plan plan =
        reconcile(
            withStatus(object(), updateStarted),
            observation()
                .version(updating)
                .pool(pool("a", 3000), "westeurope")
                .locked(true)
                .pendingOperation(OperationState.IN_PROGRESS));

    assertThat(plan.actions()).isEmpty();
    assertCondition(plan, Conditions.READY, "False", "Provisioning");
    assertThat(plan.status().getPendingOperation()).isNotNull();
  }

  @Test
  void aPoolOutsideTheTargetRegionsAddsNoReplicasAndIsNamed() {
    Plan plan =
        reconcile(
            object(), observation().version(replicated(1, 1)).pool(pool("east", 3000), "eastus"));

    assertThat(plan.actions()).filteredOn(a -> a instanceof UpdateVersion).isEmpty();
    assertThat(condition(plan, Conditions.REPLICATED).getMessage())
        .contains("BatchPool east runs in eastus, which is not among targetRegions");
  }

  @Test
  void anUntaggedVersionIsLeftAloneWithoutTheAdoptAnnotation() {
    ImageVersionInfo foreign = replicated(1, 1, Map.of("team", "render"));

    Plan plan = reconcile(object(), observation().version(foreign));

    assertThat(plan.actions()).isEmpty();
    assertCondition(plan, Conditions.STALLED, "True", "NotOwned");
    assertThat(condition(plan, Conditions.STALLED).getMessage()).contains("poolkeeper.io/adopt");

    GalleryImageVersion adopting = object();
    adopting.getMetadata().setAnnotations(Map.of(OwnerTag.ADOPT_ANNOTATION, "true"));
    Plan adopted = reconcile(adopting, observation().version(foreign));
    assertThat(single(adopted, UpdateVersion.class).update().tags())
        .containsEntry(OwnerTag.KEY, OwnerTag.value(adopting));
    assertThat(reasons(adopted)).contains("Adopted");
  }

  @Test
  void aVersionInUseIsLockedAndUnlockedWhenNothingUsesIt() {
    Plan used =
        reconcile(
            object(), observation().version(replicated(1, 1)).pool(pool("a", 10), "westeurope"));
    assertThat(single(used, PutLock.class).notes()).contains("BatchPool a");
    assertThat(used.status().getUsedBy()).extracting(u -> u.getName()).containsExactly("a");

    Plan unused = reconcile(object(), observation().version(replicated(1, 1)).locked(true));
    assertThat(unused.actions()).containsExactly(new RemoveLock());

    Plan locksOff =
        GalleryImageVersionDecision.reconcile(
            object(),
            observation().version(replicated(1, 1)).pool(pool("a", 10), "westeurope").build(),
            false,
            NOW);
    assertThat(locksOff.actions()).isEmpty();
  }

  @Test
  void aFailedProvisioningIsSentAgainWithAzuresErrorInAnEvent() {
    Plan plan =
        reconcile(
            object(),
            observation()
                .version(failedVersion())
                .pendingOperation(OperationState.FAILED, "InternalOperationError", "Copy failed."));

    assertThat(plan.actions()).singleElement().isInstanceOf(CreateVersion.class);
    assertThat(condition(plan, Conditions.STALLED).getStatus()).isEqualTo("False");
    assertThat(condition(plan, Conditions.READY).getMessage())
        .contains("InternalOperationError: Copy failed.", "attempt 2 of 3");
    assertThat(plan.notices())
        .extracting(Notice::type, Notice::reason)
        .contains(org.assertj.core.groups.Tuple.tuple("Warning", "ProvisioningFailed"));
    assertThat(plan.status().getProvisioningFailures()).isEqualTo(1);
    assertThat(plan.status().getPendingOperation()).isNull();
  }

  @Test
  void theThirdFailureInARowIsStalledAndKeepsAzuresErrorAfterAzureForgetsTheOperation() {
    GalleryImageVersion object = object();
    GalleryImageVersionStatus previous = new GalleryImageVersionStatus();
    previous.setObservedGeneration(3L);
    previous.setProvisioningFailures(2);
    object.setStatus(previous);

    Plan stalled =
        reconcile(
            object,
            observation()
                .version(failedVersion())
                .pendingOperation(OperationState.FAILED, "InternalOperationError", "Copy failed."));

    assertThat(stalled.actions()).noneMatch(CreateVersion.class::isInstance);
    assertCondition(stalled, Conditions.STALLED, "True", "ProvisioningFailed");
    assertThat(condition(stalled, Conditions.STALLED).getMessage())
        .contains("InternalOperationError: Copy failed.", "3 times in a row");
    assertThat(stalled.status().getProvisioningFailures()).isEqualTo(3);

    object.setStatus(stalled.status());
    Plan later = reconcile(object, observation().version(failedVersion()));

    assertThat(later.actions()).noneMatch(CreateVersion.class::isInstance);
    assertThat(condition(later, Conditions.STALLED).getMessage())
        .contains("InternalOperationError: Copy failed.");
    assertThat(later.notices()).isEmpty();
  }

  private static ImageVersionInfo failedVersion() {
    return version(
        "Failed",
        ownerTags(),
        List.of(target("West Europe", 1, "Standard_LRS")),
        List.of(progress("West Europe", "Failed", 0)));
  }

  @Test
  void deletingAVersionInUseKeepsItAndWarnsOnce() {
    Observation observed =
        observation().version(replicated(1, 1)).pool(pool("render-pool", 50), "westeurope").build();

    Plan plan = GalleryImageVersionDecision.cleanup(object(), observed, NOW);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.removeFinalizer()).isFalse();
    assertCondition(plan, Conditions.IN_USE, "True", "DeletionBlocked");
    assertThat(condition(plan, Conditions.IN_USE).getMessage()).contains("BatchPool render-pool");
    assertThat(plan.notices())
        .extracting(Notice::type, Notice::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", "DeletionBlocked"));

    Plan again =
        GalleryImageVersionDecision.cleanup(withStatus(object(), plan.status()), observed, NOW);
    assertThat(again.notices()).isEmpty();
  }

  @Test
  void deletingAnUnusedVersionUnlocksAndDeletesItThenLetsGo() {
    Plan plan =
        GalleryImageVersionDecision.cleanup(
            object(), observation().version(replicated(1, 1)).locked(true).build(), NOW);

    assertThat(plan.actions()).containsExactly(new RemoveLock(), new DeleteVersion());
    assertThat(plan.removeFinalizer()).isFalse();
    assertThat(reasons(plan)).contains("Deleting");

    GalleryImageVersionStatus deleting = plan.status();
    deleting.setPendingOperation(pending("Delete"));
    Plan running =
        GalleryImageVersionDecision.cleanup(
            withStatus(object(), deleting),
            observation()
                .version(replicated(1, 1))
                .pendingOperation(OperationState.IN_PROGRESS)
                .build(),
            NOW);
    assertThat(running.actions()).isEmpty();

    Plan gone = GalleryImageVersionDecision.cleanup(object(), observation().build(), NOW);
    assertThat(gone.removeFinalizer()).isTrue();
  }

  @Test
  void retainedOrForeignVersionsAreNeverDeleted() {
    GalleryImageVersion retain = object();
    retain.getSpec().setDeletionPolicy(io.poolkeeper.api.DeletionPolicy.Retain);
    Plan retained =
        GalleryImageVersionDecision.cleanup(
            retain, observation().version(replicated(1, 1)).build(), NOW);
    assertThat(retained.actions()).isEmpty();
    assertThat(retained.removeFinalizer()).isTrue();
    assertThat(reasons(retained)).contains("Retained");

    Plan foreign =
        GalleryImageVersionDecision.cleanup(
            object(),
            observation().version(replicated(1, 1, Map.of("team", "render"))).build(),
            NOW);
    assertThat(foreign.actions()).isEmpty();
    assertThat(foreign.removeFinalizer()).isTrue();
    assertThat(reasons(foreign)).contains("NotDeleted");
  }

  // --- fixtures

  private static GalleryImageVersion object() {
    GalleryImageVersion object =
        Serialization.unmarshal(
            """
            apiVersion: poolkeeper.io/v1alpha1
            kind: GalleryImageVersion
            metadata: {name: render-base-1-0-0, namespace: render, uid: 0a1b2c, generation: 3}
            spec:
              azure: {subscriptionId: 11111111-2222-3333-4444-555555555555, resourceGroup: rg-images, location: westeurope}
              gallery: render_gallery
              imageDefinition:
                name: render-base
                osType: Linux
                osState: Generalized
                hyperVGeneration: V2
                identifier: {publisher: contoso, offer: render, sku: ubuntu-22-04}
              version: 1.0.0
              source: {managedImageRef: {name: render-base-2026-11}}
              targetRegions:
                - {name: westeurope, replicaCount: 1, storageAccountType: Standard_LRS}
                - {name: northeurope, replicaCount: 1, storageAccountType: Standard_ZRS}
              replicas: {policy: Auto, vmsPerReplica: 600}
              tags: {team: render}
              deletionPolicy: Delete
            """,
            GalleryImageVersion.class);
    object.getSpec().setTargetRegions(new ArrayList<>(object.getSpec().getTargetRegions()));
    return object;
  }

  private static GalleryImageVersion withStatus(
      GalleryImageVersion object, GalleryImageVersionStatus status) {
    object.setStatus(status);
    return object;
  }

  private static Map<String, String> ownerTags() {
    return OwnerTag.withOwner(Map.of("team", "render"), object());
  }

  private static ManagedImage managedImage(boolean ready, String message) {
    ManagedImage image =
        Serialization.unmarshal(
            """
            apiVersion: poolkeeper.io/v1alpha1
            kind: ManagedImage
            metadata: {name: render-base-2026-11, namespace: render}
            """,
            ManagedImage.class);
    ManagedImageStatus status = new ManagedImageStatus();
    status.setImageResourceId(IMAGE_ID);
    Condition condition = new Condition();
    condition.setType(Conditions.READY);
    condition.setStatus(ready ? "True" : "False");
    condition.setMessage(message);
    status.setConditions(List.of(condition));
    image.setStatus(status);
    return image;
  }

  private static BatchPool pool(String name, int dedicatedNodes) {
    return Serialization.unmarshal(
        "apiVersion: poolkeeper.io/v1alpha1\n"
            + "kind: BatchPool\n"
            + "metadata: {name: "
            + name
            + ", namespace: render}\n"
            + "spec:\n"
            + "  account: {resourceGroup: rg-batch, name: renderbatch}\n"
            + "  image: {galleryImageVersionRef: {name: render-base-1-0-0}}\n"
            + "  scale: {fixed: {targetDedicatedNodes: "
            + dedicatedNodes
            + "}}\n",
        BatchPool.class);
  }

  private static ReplicaTarget target(String region, int count, String storage) {
    return new ReplicaTarget(region, count, storage);
  }

  private static ReplicationProgress progress(String region, String state, int percent) {
    return new ReplicationProgress(region, state, percent);
  }

  private static ImageVersionInfo version(
      String provisioningState,
      Map<String, String> tags,
      List<ReplicaTarget> targets,
      List<ReplicationProgress> replication) {
    boolean completed = replication.stream().allMatch(r -> r.state().equals("Completed"));
    return new ImageVersionInfo(
        REF.resourceId(),
        "West Europe",
        provisioningState,
        IMAGE_ID,
        targets,
        completed ? "Completed" : "InProgress",
        replication,
        false,
        null,
        tags);
  }

  private static ImageVersionInfo replicated(int westEurope, int northEurope) {
    return replicated(westEurope, northEurope, ownerTags());
  }

  private static ImageVersionInfo replicated(
      int westEurope, int northEurope, Map<String, String> tags) {
    return version(
        "Succeeded",
        tags,
        List.of(
            target("West Europe", westEurope, "Standard_LRS"),
            target("North Europe", northEurope, "Standard_ZRS")),
        List.of(
            progress("West Europe", "Completed", 100), progress("North Europe", "Completed", 100)));
  }

  private static PendingOperation pending(String action) {
    PendingOperation pending = new PendingOperation();
    pending.setAction(action);
    pending.setUrl("https://management.azure.com/operations/1");
    pending.setPolling("AsyncOperation");
    pending.setStartTime(NOW.toString());
    return pending;
  }

  private static Plan reconcile(GalleryImageVersion object, Observed observed) {
    return GalleryImageVersionDecision.reconcile(object, observed.build(), true, NOW);
  }

  private static Observed observation() {
    return new Observed();
  }

  /** An observation built step by step; by default the gallery, definition and image are ready. */
  private static final class Observed {
    private ImageVersionInfo version;
    private ImageDefinitionInfo definition = DEFINITION;
    private String gallery;
    private boolean locked;
    private OperationStatus operation;
    private ManagedImage sourceImage = managedImage(true, "The managed image is ready in Azure.");
    private final List<BatchPool> pools = new ArrayList<>();
    private final Map<String, String> regions = new HashMap<>();

    Observed version(ImageVersionInfo version) {
      this.version = version;
      return this;
    }

    Observed definition(ImageDefinitionInfo definition) {
      this.definition = definition;
      return this;
    }

    Observed gallery(String state) {
      this.gallery = state;
      return this;
    }

    Observed locked(boolean locked) {
      this.locked = locked;
      return this;
    }

    Observed sourceImage(ManagedImage image) {
      this.sourceImage = image;
      return this;
    }

    Observed pendingOperation(OperationState state) {
      this.operation = OperationStatus.of(state);
      return this;
    }

    Observed pendingOperation(OperationState state, String code, String message) {
      this.operation = new OperationStatus(state, code, message);
      return this;
    }

    Observed pool(BatchPool pool, String region) {
      pools.add(pool);
      regions.put(pool.getMetadata().getName(), region);
      return this;
    }

    Observation build() {
      return new Observation(
          REF,
          Optional.ofNullable(version),
          Optional.ofNullable(definition),
          Optional.ofNullable(gallery),
          locked,
          Optional.ofNullable(operation),
          Optional.ofNullable(sourceImage),
          List.copyOf(pools),
          Map.copyOf(regions));
    }
  }

  // --- assertions

  private static Condition condition(Plan plan, String type) {
    Condition condition = Conditions.find(plan.status().getConditions(), type);
    assertThat(condition).as(type).isNotNull();
    return condition;
  }

  private static void assertCondition(Plan plan, String type, String status, String reason) {
    Condition condition = condition(plan, type);
    assertThat(condition.getStatus()).as(type + " status").isEqualTo(status);
    assertThat(condition.getReason()).as(type + " reason").isEqualTo(reason);
    assertThat(condition.getObservedGeneration()).isEqualTo(3L);
  }

  private static List<String> reasons(Plan plan) {
    return plan.notices().stream().map(Notice::reason).toList();
  }

  private static <T> T single(Plan plan, Class<T> kind) {
    List<T> matching = plan.actions().stream().filter(kind::isInstance).map(kind::cast).toList();
    assertThat(matching).as(kind.getSimpleName()).hasSize(1);
    return matching.get(0);
  }
}
