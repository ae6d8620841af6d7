package io.poolkeeper.managedimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.poolkeeper.api.AzureScope;
import io.poolkeeper.api.DeletionPolicy;
import io.poolkeeper.api.HyperVGeneration;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ManagedImageSource;
import io.poolkeeper.api.ManagedImageSpec;
import io.poolkeeper.api.ManagedImageStatus;
import io.poolkeeper.api.OsType;
import io.poolkeeper.api.UsedBy;
import io.poolkeeper.azure.ImageRef;
import io.poolkeeper.azure.ManagedImageService.DataDiskSnapshot;
import io.poolkeeper.azure.ManagedImageService.ManagedImageInfo;
import io.poolkeeper.azure.OperationService.OperationState;
import io.poolkeeper.azure.OperationService.OperationStatus;
import io.poolkeeper.managedimage.ManagedImageDecision.Observation;
import io.poolkeeper.managedimage.ManagedImageDecision.Plan;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.Pace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link ManagedImageDecision} decides, without servers. */
class ManagedImageDecisionTest {

  private static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
  private static final ImageRef REF = new ImageRef(SUBSCRIPTION, "rg-images", "render-base");
  private static final String OS_SNAPSHOT = snapshot("render-os");
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final List<UsedBy> NO_USERS = List.of();
  private static final List<UsedBy> ONE_VERSION =
      List.of(new UsedBy("GalleryImageVersion", "render-base-1-0-0"));

  private final ManagedImage object = managedImage();

  @Test
  void aMissingImageIsCreatedWithTheOwnerTag() {
    Plan plan = reconcile(observe(null, false, NO_USERS));

    assertThat(plan.actions()).hasSize(1);
    ManagedImageActions.CreateImage create =
        (ManagedImageActions.CreateImage) plan.actions().get(0);
    assertThat(create.definition().tags())
        .containsEntry(OwnerTag.KEY, "render/render-base/uid-1")
        .containsEntry("team", "render");
    assertThat(create.definition().location()).isEqualTo("westeurope");
    assertThat(reasons(plan)).containsExactly("Creating");
    assertThat(ready(plan)).isEqualTo("False");
    assertThat(plan.pace()).isEqualTo(Pace.BUSY);
    assertThat(plan.status().getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void anImageThatDisappearedIsCreatedAgainWithAWarning() {
    object.setStatus(statusWith(REF.resourceId()));

    Plan plan = reconcile(observe(null, false, NO_USERS));

    assertThat(plan.actions()).singleElement().isInstanceOf(ManagedImageActions.CreateImage.class);
    assertThat(plan.notices())
        .extracting(Notice::type, Notice::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", "Recreating"));
  }

  @Test
  void anUntaggedImageIsNotTouchedWithoutTheAdoptAnnotation() {
    Plan plan =
        reconcile(observe(image(Map.of("made-by", "packer"), "Succeeded"), false, NO_USERS));

    assertThat(plan.actions()).isEmpty();
    assertThat(stalled(plan)).isEqualTo("True");
    assertThat(condition(plan, Conditions.STALLED).getMessage()).contains("poolkeeper.io/adopt");
    assertThat(plan.status().getImageResourceId()).isNull();
    assertThat(plan.pace()).isEqualTo(Pace.STALLED);
  }

  @Test
  void anImageOfAnotherObjectIsNotTouchedEither() {
    Plan plan =
        reconcile(
            observe(
                image(Map.of(OwnerTag.KEY, "other/render-base/uid-9"), "Succeeded"),
                false,
                NO_USERS));

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.STALLED).getMessage())
        .contains("other/render-base/uid-9");
  }

  @Test
  void theAdoptAnnotationTakesAnUntaggedImageOver() {
    object.getMetadata().setAnnotations(Map.of(OwnerTag.ADOPT_ANNOTATION, "true"));

    Plan plan =
        reconcile(observe(image(Map.of("made-by", "packer"), "Succeeded"), false, NO_USERS));

    assertThat(plan.actions())
        .singleElement()
        .isEqualTo(
            new ManagedImageActions.UpdateTags(
                OwnerTag.withOwner(Map.of("team", "render"), object)));
    assertThat(reasons(plan)).contains("Adopted");
    assertThat(plan.status().getImageResourceId()).isEqualTo(REF.resourceId());
  }

  @Test
  void anImageThatMatchesIsReadyAndLeftAlone() {
    Plan plan = reconcile(observe(image(ownTags(), "Succeeded"), false, NO_USERS));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.notices()).isEmpty();
    assertThat(ready(plan)).isEqualTo("True");
    assertThat(condition(plan, Conditions.IN_USE).getStatus()).isEqualTo("False");
    assertThat(plan.pace()).isEqualTo(Pace.IDLE);
  }

  @Test
  void tagsChangedInAzureArePutBack() {
    Map<String, String> drifted = new java.util.HashMap<>(ownTags());
    drifted.put("team", "someone-else");

    Plan plan = reconcile(observe(image(drifted, "Succeeded"), false, NO_USERS));

    assertThat(plan.actions()).containsExactly(new ManagedImageActions.UpdateTags(ownTags()));
  }

  @Test
  void anImageMadeFromOtherSnapshotsIsStalledNotRecreated() {
    ManagedImageInfo other =
        new ManagedImageInfo(
            REF.resourceId(),
            "westeurope",
            "Succeeded",
            "Linux",
            "Generalized",
            "V2",
            snapshot("other-os"),
            List.of(),
            ownTags());

    Plan plan = reconcile(observe(other, false, NO_USERS));

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.STALLED).getReason()).isEqualTo("SourceDiffers");
  }

  @Test
  void aFailedCreateIsSentAgainWithAzuresErrorInAnEvent() {
    object.setStatus(statusWith(REF.resourceId()));
    object.getStatus().setPendingOperation(pending("Create"));

    Plan plan = reconcile(failedCreate());

    assertThat(plan.actions()).singleElement().isInstanceOf(ManagedImageActions.CreateImage.class);
    assertThat(stalled(plan)).isEqualTo("False");
    assertThat(condition(plan, Conditions.READY).getMessage())
        .contains("InternalOperationError: copy failed", "attempt 2 of 3");
    assertThat(plan.notices())
        .anySatisfy(
            notice -> {
              assertThat(notice.type()).isEqualTo("Warning");
              assertThat(notice.reason()).isEqualTo("ProvisioningFailed");
              assertThat(notice.message()).contains("InternalOperationError: copy failed");
            });
    assertThat(plan.status().getProvisioningFailures()).isEqualTo(1);
    assertThat(plan.status().getPendingOperation()).isNull();
  }

  @Test
  void theThirdFailedCreateIsStalledAndKeepsAzuresErrorAfterAzureForgetsTheOperation() {
    object.setStatus(statusWith(REF.resourceId()));
    object.getStatus().setPendingOperation(pending("Create"));
    object.getStatus().setProvisioningFailures(2);

    Plan plan = reconcile(failedCreate());

    assertThat(plan.actions()).noneMatch(ManagedImageActions.CreateImage.class::isInstance);
    assertThat(stalled(plan)).isEqualTo("True");
    assertThat(condition(plan, Conditions.STALLED).getMessage())
        .contains("InternalOperationError: copy failed", "3 times in a row");

    object.setStatus(plan.status());
    Plan later =
        reconcile(
            new Observation(
                REF, Optional.of(image(ownTags(), "Failed")), false, Optional.empty(), NO_USERS));

    assertThat(later.actions()).isEmpty();
    assertThat(condition(later, Conditions.STALLED).getMessage())
        .contains("InternalOperationError: copy failed");
    assertThat(later.notices()).isEmpty();
  }

  private Observation failedCreate() {
    return new Observation(
        REF,
        Optional.of(image(ownTags(), "Failed")),
        false,
        Optional.of(
            new OperationStatus(OperationState.FAILED, "InternalOperationError", "copy failed")),
        NO_USERS);
  }

  @Test
  void anImageInUseIsLockedAndTheLockGoesWithTheLastUser() {
    Plan inUse = reconcile(observe(image(ownTags(), "Succeeded"), false, ONE_VERSION));
    assertThat(inUse.actions()).singleElement().isInstanceOf(ManagedImageActions.PutLock.class);
    assertThat(condition(inUse, Conditions.IN_USE).getMessage())
        .contains("GalleryImageVersion render-base-1-0-0");

    Plan unused = reconcile(observe(image(ownTags(), "Succeeded"), true, NO_USERS));
    assertThat(unused.actions()).containsExactly(new ManagedImageActions.RemoveLock());
  }

  @Test
  void withLocksOffNoLockIsPutAndAnOldOneIsRemoved() {
    Plan plan =
        ManagedImageDecision.reconcile(
            object,
            observe(image(ownTags(), "Succeeded"), true, ONE_VERSION),
            "westeurope",
            false,
            NOW);

    assertThat(plan.actions()).containsExactly(new ManagedImageActions.RemoveLock());
  }

  @Test
  void aSourceOtherThanSnapshotsGetsAWarningOncePerGeneration() {
    object.getSpec().getSource().setSnapshots(null);
    object
        .getSpec()
        .getSource()
        .setVirtualMachineId(
            "/subscriptions/"
                + SUBSCRIPTION
                + "/resourceGroups/rg-images/providers/Microsoft.Compute/virtualMachines/vm");

    Plan first = reconcile(observe(null, false, NO_USERS));
    object.setStatus(first.status());
    Plan second = reconcile(observe(null, false, NO_USERS));

    assertThat(reasons(first)).contains("SourceNotSnapshots");
    assertThat(reasons(second)).doesNotContain("SourceNotSnapshots");
  }

  @Test
  void conditionsKeepTheirTransitionTimeWhileTheyHold() {
    Plan first = reconcile(observe(image(ownTags(), "Succeeded"), false, NO_USERS));
    object.setStatus(first.status());

    Plan later =
        ManagedImageDecision.reconcile(
            object,
            observe(image(ownTags(), "Succeeded"), false, NO_USERS),
            "westeurope",
            true,
            NOW.plusSeconds(3600));

    assertThat(condition(later, Conditions.READY).getLastTransitionTime())
        .isEqualTo(condition(first, Conditions.READY).getLastTransitionTime());
  }

  @Test
  void deletionWaitsForTheLastUserAndTouchesNothingInAzure() {
    Plan plan =
        ManagedImageDecision.cleanup(
            object, observe(image(ownTags(), "Succeeded"), true, ONE_VERSION), NOW);

    assertThat(plan.removeFinalizer()).isFalse();
    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.IN_USE).getReason()).isEqualTo("DeletionBlocked");
    assertThat(reasons(plan)).containsExactly("DeletionBlocked");
  }

  @Test
  void deletionWithoutUsersUnlocksDeletesAndThenLetsGo() {
    Plan deleting =
        ManagedImageDecision.cleanup(
            object, observe(image(ownTags(), "Succeeded"), true, NO_USERS), NOW);
    assertThat(deleting.actions())
        .containsExactly(
            new ManagedImageActions.RemoveLock(), new ManagedImageActions.DeleteImage());
    assertThat(deleting.removeFinalizer()).isFalse();

    Plan gone = ManagedImageDecision.cleanup(object, observe(null, false, NO_USERS), NOW);
    assertThat(gone.removeFinalizer()).isTrue();
  }

  @Test
  void aDeleteUnderWayIsNotStartedAgain() {
    object.setStatus(statusWith(REF.resourceId()));
    object.getStatus().setPendingOperation(pending("Delete"));
    Observation observed =
        new Observation(
            REF,
            Optional.of(image(ownTags(), "Deleting")),
            false,
            Optional.of(OperationStatus.of(OperationState.IN_PROGRESS)),
            NO_USERS);

    Plan plan = ManagedImageDecision.cleanup(object, observed, NOW);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.status().getPendingOperation()).isNotNull();
  }

  @Test
  void retainAndForeignImagesStayInAzure() {
    object.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    Plan retained =
        ManagedImageDecision.cleanup(
            object, observe(image(ownTags(), "Succeeded"), false, NO_USERS), NOW);
    assertThat(retained.actions()).isEmpty();
    assertThat(retained.removeFinalizer()).isTrue();
    assertThat(reasons(retained)).containsExactly("Retained");

    object.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    Plan foreign =
        ManagedImageDecision.cleanup(
            object, observe(image(Map.of("made-by", "packer"), "Succeeded"), false, NO_USERS), NOW);
    assertThat(foreign.actions()).isEmpty();
    assertThat(foreign.removeFinalizer()).isTrue();
    assertThat(reasons(foreign)).containsExactly("NotDeleted");
  }

  private Plan reconcile(Observation observed) {
    return ManagedImageDecision.reconcile(object, observed, "westeurope", true, NOW);
  }

  private Observation observe(ManagedImageInfo image, boolean locked, List<UsedBy> users) {
    return new Observation(REF, Optional.ofNullable(image), locked, Optional.empty(), users);
  }

  private Map<String, String> ownTags() {
    return OwnerTag.withOwner(Map.of("team", "render"), object);
  }

  private static ManagedImageInfo image(Map<String, String> tags, String state) {
    return new ManagedImageInfo(
        REF.resourceId(),
        "westeurope",
        state,
        "Linux",
        "Generalized",
        "V2",
        OS_SNAPSHOT,
        List.of(new DataDiskSnapshot(0, snapshot("render-data0"))),
        tags);
  }

  private static ManagedImageStatus statusWith(String imageId) {
    ManagedImageStatus status = new ManagedImageStatus();
    status.setImageResourceId(imageId);
    status.setObservedGeneration(1L);
    return status;
  }

  private static io.poolkeeper.api.PendingOperation pending(String action) {
    io.poolkeeper.api.PendingOperation pending = new io.poolkeeper.api.PendingOperation();
    pending.setAction(action);
    pending.setUrl("https://management.azure.com/operations/1");
    pending.setPolling("AsyncOperation");
    return pending;
  }

  private static List<String> reasons(Plan plan) {
    return plan.notices().stream().map(Notice::reason).toList();
  }

  private static io.poolkeeper.api.Condition condition(Plan plan, String type) {
    return Conditions.find(plan.status().getConditions(), type);
  }

  private static String ready(Plan plan) {
    return condition(plan, Conditions.READY).getStatus();
  }

  private static String stalled(Plan plan) {
    return condition(plan, Conditions.STALLED).getStatus();
  }

  private static String snapshot(String name) {
    return "/subscriptions/"
        + SUBSCRIPTION
        + "/resourceGroups/rg-images/providers/Microsoft.Compute/snapshots/"
        + name;
  }

  private static ManagedImage managedImage() {
    ManagedImage image = new ManagedImage();
    image.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("render")
            .withName("render-base")
            .withUid("uid-1")
            .withGeneration(1L)
            .build());
    ManagedImageSpec spec = new ManagedImageSpec();
    AzureScope azure = new AzureScope();
    azure.setSubscriptionId(SUBSCRIPTION);
    azure.setResourceGroup("rg-images");
    azure.setLocation("westeurope");
    spec.setAzure(azure);
    spec.setHyperVGeneration(HyperVGeneration.V2);
    ManagedImageSource source = new ManagedImageSource();
    ManagedImageSource.Snapshots snapshots = new ManagedImageSource.Snapshots();
    ManagedImageSource.OsDisk osDisk = new ManagedImageSource.OsDisk();
    osDisk.setSnapshotId(OS_SNAPSHOT);
    osDisk.setOsType(OsType.Linux);
    snapshots.setOsDisk(osDisk);
    ManagedImageSource.DataDisk data = new ManagedImageSource.DataDisk();
    data.setLun(0);
    data.setSnapshotId(snapshot("render-data0"));
    snapshots.setDataDisks(List.of(data));
    source.setSnapshots(snapshots);
    spec.setSource(source);
    spec.setTags(Map.of("team", "render"));
    spec.setDeletionPolicy(DeletionPolicy.Delete);
    image.setSpec(spec);
    return image;
  }
}
