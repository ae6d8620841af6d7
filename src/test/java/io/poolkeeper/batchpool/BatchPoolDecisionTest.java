package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.poolkeeper.api.BatchAccountRef;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolSpec;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.BatchPoolStatus.RolloutStatus;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.ContainerRegistry;
import io.poolkeeper.api.LocalObjectReference;
import io.poolkeeper.api.MountConfiguration;
import io.poolkeeper.api.PoolImage;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.Rollout;
import io.poolkeeper.api.SecretKeyRef;
import io.poolkeeper.api.SecretValue;
import io.poolkeeper.api.StartTask;
import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.ScaleSettings;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.batchpool.BatchPoolDecision.Create;
import io.poolkeeper.batchpool.BatchPoolDecision.Observation;
import io.poolkeeper.batchpool.BatchPoolDecision.Patch;
import io.poolkeeper.batchpool.BatchPoolDecision.Plan;
import io.poolkeeper.batchpool.BatchPoolDecision.StopResize;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.Pace;
import io.poolkeeper.operator.SecretValues;
import io.poolkeeper.operator.SecretValues.Reference;
import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import io.poolkeeper.policy.ResizeTimeouts.ImageKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The BatchPool controller's decisions without servers (DESIGN.md "Behaviour", DOMAIN.md "Batch
 * pool behaviour"; the sizing numbers are the Azure Batch guides' as in PoolSizingRulesTest).
 */
class BatchPoolDecisionTest {

  private static final PoolScale.NodeDeallocationOption TASK_COMPLETION =
      PoolScale.NodeDeallocationOption.TaskCompletion;

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final PoolRef REF =
      new PoolRef(new PoolRef.BatchAccountRef("sub", "rg-batch", "renderbatch"), "render-pool");
  private static final String IMAGE_ID =
      "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/g/images/"
          + "render-base/versions/1.0.0";
  private static final ResolvedImage GALLERY =
      new ResolvedImage(ImageReference.ofId(IMAGE_ID), ImageKind.GALLERY, "Linux", null, null);

  @Test
  void waitsForTheImageWithImageReadyFalseAndCreatesNothing() {
    ResolvedImage waiting =
        ResolvedImage.waiting(
            ImageKind.GALLERY,
            "Linux",
            "GalleryImageVersion v to be replicated to westeurope",
            null);

    Plan plan = decide(pool(50), waiting, Optional.empty(), List.of());

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, BatchPoolDecision.IMAGE_READY).getStatus()).isEqualTo("False");
    assertThat(condition(plan, BatchPoolDecision.IMAGE_READY).getMessage())
        .contains("replicated to westeurope");
    assertThat(plan.pace()).isEqualTo(Pace.BUSY);
  }

  @Test
  void anImageObjectMissingAtTwoLooksStallsThePoolOnceWithAWarningAndCreatesNothing() {
    // Issue 14, campaign 5: a reference to a missing object (or to one in another namespace) needs
    // a person; the informer wakes the pool when the object appears, so it waits at the Stalled
    // pace rather than polling. At the first look the object may only be missing from the cache
    // (applied together with the pool): no Stalled, no Warning yet.
    ResolvedImage missing =
        ResolvedImage.missing(
            ImageKind.GALLERY,
            "GalleryImageVersion v to exist",
            "GalleryImageVersion v does not exist in namespace render: create it there.");

    Plan first = decide(pool(50), missing, Optional.empty(), List.of());

    assertThat(first.actions()).isEmpty();
    assertThat(condition(first, Conditions.READY).getReason()).isEqualTo("ImageMissing");
    assertThat(condition(first, Conditions.STALLED).getStatus()).isEqualTo("False");
    assertThat(first.notices()).isEmpty();
    assertThat(first.pace()).isEqualTo(Pace.BUSY);

    BatchPool waited = pool(50);
    waited.setStatus(first.status());
    Plan plan = decide(waited, missing, Optional.empty(), List.of());

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(condition(plan, Conditions.STALLED).getStatus()).isEqualTo("True");
    assertThat(condition(plan, Conditions.STALLED).getReason()).isEqualTo("ImageMissing");
    assertThat(condition(plan, Conditions.STALLED).getMessage())
        .contains("GalleryImageVersion v does not exist in namespace render");
    assertThat(condition(plan, BatchPoolDecision.IMAGE_READY).getStatus()).isEqualTo("False");
    assertThat(plan.notices()).extracting(Notice::reason).containsExactly("ImageMissing");
    assertThat(plan.pace()).isEqualTo(Pace.STALLED);

    BatchPool stalled = pool(50);
    stalled.setStatus(plan.status());
    Plan again = decide(stalled, missing, Optional.empty(), List.of());
    assertThat(again.notices()).isEmpty();
  }

  @Test
  void createsTheMissingPoolWithTheOwnerTagAndTheComputedTimeout() {
    BatchPool object = pool(2000);

    Plan plan = decide(object, GALLERY, Optional.empty(), List.of());

    assertThat(plan.actions()).hasSize(1).first().isInstanceOf(Create.class);
    PoolSettings settings = ((Create) plan.actions().get(0)).definition().settings();
    assertThat(settings.tags()).containsEntry(OwnerTag.KEY, OwnerTag.value(object));
    // 2000 nodes on a gallery image: 15 minutes per 1000 nodes.
    assertThat(plan.status().getEffectiveResizeTimeout()).isEqualTo("PT30M");
    assertThat(((FixedScaleSettings) settings.scale()).resizeTimeout()).hasMinutes(30);
    assertThat(plan.status().getSelector()).isEqualTo("poolkeeper.io/batchpool=render-pool");
  }

  @Test
  void aSteadyPoolAtItsTargetIsReadyAndNothingIsSent() {
    BatchPool object = pool(50);
    PoolInfo azure = azure(object, "Steady", 50, 50);

    Plan plan = decide(object, GALLERY, Optional.of(azure), List.of());

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(plan.status().getCurrentDedicatedNodes()).isEqualTo(50);
    assertThat(plan.status().getResolvedImageId()).isEqualTo(IMAGE_ID);
    assertThat(plan.pace()).isEqualTo(Pace.IDLE);
  }

  @Test
  void aNewTargetIsSentAsAPatchOfTheScaleOnlyWithIfMatch() {
    BatchPool object = pool(80);
    PoolInfo azure = azure(object, "Steady", 50, 50);

    Plan plan = decide(object, GALLERY, Optional.of(azure), List.of());

    assertThat(plan.actions()).hasSize(1);
    Patch patch = (Patch) plan.actions().get(0);
    assertThat(patch.scale()).isTrue();
    assertThat(((FixedScaleSettings) patch.patch().scale()).targetDedicatedNodes()).isEqualTo(80);
    assertThat(patch.patch().startTask()).isNull();
    assertThat(patch.patch().metadata()).isNull();
    assertThat(patch.patch().ifMatch()).isEqualTo("etag-1");
    assertThat(condition(plan, Conditions.READY).getStatus()).isEqualTo("False");
  }

  @Test
  void aNewTargetWhileResizingStopsTheResizeFirst() {
    BatchPool object = pool(80);
    PoolInfo azure = azure(object, "Resizing", 20, 50);

    Plan plan = decide(object, GALLERY, Optional.of(azure), List.of());

    assertThat(plan.actions()).containsExactly(new StopResize());
    assertThat(plan.notices()).extracting(Notice::reason).contains("ResizeStopping");
  }

  @Test
  void aStartTaskChangedInAzureIsPutBackAsDrift() {
    BatchPool object = pool(50);
    BatchPoolStatus ready = new BatchPoolStatus();
    ready.setObservedGeneration(1L);
    Condition readyCondition = new Condition();
    readyCondition.setType(Conditions.READY);
    readyCondition.setStatus("True");
    ready.setConditions(List.of(readyCondition));
    object.setStatus(ready);
    PoolInfo azure = azure(object, "Steady", 50, 50);
    PoolSettings changed =
        new PoolSettings(
            null,
            azure.settings().vmSize(),
            azure.settings().virtualMachineConfiguration(),
            azure.settings().scale(),
            PoolSettingsMapper.startTask(startTask("echo changed"), SecretValues.Resolved.NONE),
            null,
            Map.of(),
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            azure.settings().tags());

    Plan plan = decide(object, GALLERY, Optional.of(withSettings(azure, changed)), List.of());

    Patch patch = (Patch) plan.actions().get(0);
    assertThat(patch.scale()).isFalse();
    assertThat(patch.patch().startTask().commandLine()).isEqualTo("echo ready");
    assertThat(plan.notices()).extracting(Notice::reason).contains("DriftCorrected");
  }

  @Test
  void withStrategyManualAVmSizeChangeOnAPoolWithNodesIsBlockedAndNothingIsSent() {
    BatchPool object = pool(50);
    PoolInfo azure = azure(object, "Steady", 50, 50);
    object.getSpec().setVmSize("Standard_D8s_v5");

    Plan plan = decide(object, GALLERY, Optional.of(azure), List.of());

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.STALLED).getReason()).isEqualTo("RolloutRequired");
    assertThat(condition(plan, Conditions.STALLED).getMessage())
        .contains("vmSize", "DrainAndRecreate", "kubectl scale bp/render-pool --replicas=0");
    assertThat(plan.status().getRollout().getPhase()).isEqualTo(RolloutStatus.BLOCKED);
  }

  @Test
  void withStrategyManualAPoolScaledToZeroInTheSpecDrainsAndThenTakesTheChange() {
    BatchPool object = pool(50);
    PoolInfo azure = azure(object, "Steady", 50, 50);
    object.getSpec().setVmSize("Standard_D8s_v5");
    object.getSpec().getScale().getFixed().setTargetDedicatedNodes(0);

    Plan drain = decide(object, GALLERY, Optional.of(azure), List.of());
    assertThat(((Patch) drain.actions().get(0)).patch().scale())
        .isEqualTo(new FixedScaleSettings(0, 0, java.time.Duration.ofMinutes(15), null));

    Plan apply = decideAfter(drain, object, GALLERY, scaled(azure, 0, 0));
    assertThat(((Patch) apply.actions().get(0)).patch().vmSize()).isEqualTo("Standard_D8s_v5");
  }

  @Test
  void drainAndRecreateDrainsHonouringNodeDeallocationOptionThenChangesTheEmptyPoolInPlace() {
    BatchPool object = rolling(pool(50));
    object.getSpec().getScale().getFixed().setNodeDeallocationOption(TASK_COMPLETION);
    PoolInfo before = azure(object, "Steady", 50, 50);
    object.getSpec().setVmSize("Standard_D8s_v5");

    Plan drain = decide(object, GALLERY, Optional.of(before), List.of());
    Patch drainPatch = (Patch) drain.actions().get(0);
    assertThat(drainPatch.scale()).isTrue();
    assertThat(drainPatch.patch().scale())
        .isEqualTo(
            new FixedScaleSettings(0, 0, java.time.Duration.ofMinutes(15), "TaskCompletion"));
    assertThat(drainPatch.patch().vmSize()).isNull();
    assertThat(drain.status().getRollout().getPhase()).isEqualTo(RolloutStatus.DRAINING);
    assertThat(drain.status().getRollout().getChanges()).containsExactly("vmSize");
    assertThat(drain.notices()).extracting(Notice::reason).contains("RolloutStarted");
    assertThat(condition(drain, Conditions.READY).getReason()).isEqualTo("RollingOut");

    // Azure is still draining: nothing to send.
    Plan waiting = decideAfter(drain, object, GALLERY, resizing(before, 20, 0));
    assertThat(waiting.actions()).isEmpty();
    assertThat(waiting.status().getRollout().getPhase()).isEqualTo(RolloutStatus.DRAINING);

    // Empty: the size changes in place, without a resize in the same PATCH.
    PoolInfo empty = scaled(before, 0, 0);
    Plan apply = decideAfter(waiting, object, GALLERY, empty);
    Patch applyPatch = (Patch) apply.actions().get(0);
    assertThat(applyPatch.patch().vmSize()).isEqualTo("Standard_D8s_v5");
    assertThat(applyPatch.patch().scale()).isNull();
    assertThat(apply.status().getRollout().getPhase()).isEqualTo(RolloutStatus.APPLYING);

    // Changed: back to the target, then done.
    PoolInfo changed = withSettings(empty, azure(object, "Steady", 0, 0).settings());
    Plan scaleUp = decideAfter(apply, object, GALLERY, changed);
    assertThat(((Patch) scaleUp.actions().get(0)).patch().scale())
        .isEqualTo(
            new FixedScaleSettings(50, 0, java.time.Duration.ofMinutes(15), "TaskCompletion"));
    assertThat(scaleUp.status().getRollout().getPhase()).isEqualTo(RolloutStatus.SCALING_UP);

    Plan done = decideAfter(scaleUp, object, GALLERY, azure(object, "Steady", 50, 50));
    assertThat(done.status().getRollout()).isNull();
    assertThat(done.notices()).extracting(Notice::reason).contains("RolloutCompleted");
    assertThat(condition(done, Conditions.READY).getStatus()).isEqualTo("True");
  }

  @Test
  void drainingAPoolThatIsStillResizingStopsTheResizeFirst() {
    BatchPool object = rolling(pool(50));
    PoolInfo growing = resizing(azure(object, "Steady", 10, 50), 10, 50);
    object.getSpec().setVmSize("Standard_D8s_v5");

    Plan plan = decide(object, GALLERY, Optional.of(growing), List.of());

    assertThat(plan.actions()).singleElement().isInstanceOf(StopResize.class);
  }

  @Test
  void aChangeAzureDoesNotTakeOnTheEmptyPoolRecreatesItWithTheSamePoolId() {
    BatchPool object = rolling(pool(50));
    PoolInfo before = azure(object, "Steady", 50, 50);
    object.getSpec().setTaskSlotsPerNode(4);

    Plan drain = decide(object, GALLERY, Optional.of(before), List.of());
    assertThat(((Patch) drain.actions().get(0)).patch().scale())
        .isEqualTo(new FixedScaleSettings(0, 0, java.time.Duration.ofMinutes(15), null));

    // Azure Batch docs: taskSlotsPerNode changes while the pool has zero nodes.
    Plan apply = decideAfter(drain, object, GALLERY, scaled(before, 0, 0));
    assertThat(((Patch) apply.actions().get(0)).patch().emptyPoolProperties())
        .containsEntry("taskSlotsPerNode", 4);
    assertThat(apply.status().getRollout().getPhase()).isEqualTo(RolloutStatus.APPLYING);

    // Azure answered the PATCH but the pool kept its old value: only a new pool brings it.
    Plan delete = decideAfter(apply, object, GALLERY, scaled(before, 0, 0));
    assertThat(delete.actions()).singleElement().isInstanceOf(BatchPoolDecision.Delete.class);
    assertThat(delete.status().getRollout().getPhase()).isEqualTo(RolloutStatus.RECREATING);
    assertThat(delete.status().getRollout().getChanges()).containsExactly("taskSlotsPerNode");

    Plan deleting = decideAfter(delete, object, GALLERY, deleting(scaled(before, 0, 0)));
    assertThat(deleting.actions()).isEmpty();

    Plan create = decideAfter(deleting, object, GALLERY, null);
    PoolSettings settings = ((Create) create.actions().get(0)).definition().settings();
    assertThat(settings.taskSlotsPerNode()).isEqualTo(4);
    assertThat(settings.scale())
        .isEqualTo(new FixedScaleSettings(50, 0, java.time.Duration.ofMinutes(15), null));
    assertThat(create.status().getRollout().getPhase()).isEqualTo(RolloutStatus.SCALING_UP);
    assertThat(create.notices()).extracting(Notice::reason).contains("Recreating");
  }

  @Test
  void withStrategyManualAnEmptyPoolTakesTheChangeInPlaceButIsNeverDeleted() {
    BatchPool object = pool(0);
    PoolInfo before = azure(object, "Steady", 0, 0);
    object.getSpec().setTaskSlotsPerNode(4);

    Plan apply = decide(object, GALLERY, Optional.of(before), List.of());
    assertThat(((Patch) apply.actions().get(0)).patch().emptyPoolProperties())
        .containsEntry("taskSlotsPerNode", 4);

    // What the reconciler does when Azure refuses that PATCH.
    boolean recreating =
        Rollouts.applyingRefused(
            apply.status(),
            new AzureException.InvalidRequest(
                400, "PropertyCannotBeUpdated", "refused", "taskSlotsPerNode", null));
    assertThat(recreating).isTrue();
    Plan blocked = decideAfter(apply, object, GALLERY, before);

    assertThat(blocked.actions()).isEmpty();
    assertThat(condition(blocked, Conditions.STALLED).getReason()).isEqualTo("RolloutRequired");
    assertThat(condition(blocked, Conditions.STALLED).getMessage())
        .contains("of the existing pool in place", "DrainAndRecreate");
  }

  @Test
  void theOldImageStaysInUseUntilThePoolRunsOnTheNewOne() {
    BatchPool object = rolling(pool(50));
    object.getSpec().getImage().setGalleryImageVersionRef(new LocalObjectReference("v1"));
    Plan created = decide(object, GALLERY, Optional.empty(), List.of());
    assertThat(created.status().getImageInUse().getName()).isEqualTo("v1");
    PoolInfo onV1 = azure(object, "Steady", 50, 50);

    object.getSpec().getImage().setGalleryImageVersionRef(new LocalObjectReference("v2"));
    object.getMetadata().setGeneration(2L);
    ResolvedImage v2 =
        new ResolvedImage(
            ImageReference.ofId(IMAGE_ID.replace("1.0.0", "2.0.0")),
            ImageKind.GALLERY,
            "Linux",
            null,
            null);
    Plan drain = decideAfter(created, object, v2, onV1);
    assertThat(drain.status().getRollout().getChanges()).containsExactly("imageReference");
    assertThat(drain.status().getImageInUse().getName()).isEqualTo("v1");

    PoolInfo onV2 =
        withSettings(
            onV1,
            PoolSettingsMapper.settings(
                object,
                v2.reference(),
                BatchPoolDecision.effectiveResizeTimeout(object.getSpec(), v2),
                SecretValues.Resolved.NONE));
    Plan after = decideAfter(drain, object, v2, onV2);
    assertThat(after.status().getImageInUse().getName()).isEqualTo("v2");
  }

  @Test
  void aPoolWithoutTheOwnerTagIsAdoptedOnlyWithTheAnnotation() {
    BatchPool object = pool(50);
    PoolInfo foreign = withSettings(azure(object, "Steady", 50, 50), untagged(object));

    Plan refused = decide(object, GALLERY, Optional.of(foreign), List.of());
    assertThat(refused.actions()).isEmpty();
    assertThat(condition(refused, Conditions.STALLED).getReason()).isEqualTo("PoolNotOwned");

    object.getMetadata().setAnnotations(Map.of(OwnerTag.ADOPT_ANNOTATION, "true"));
    Plan adopted = decide(object, GALLERY, Optional.of(foreign), List.of());
    Patch patch = (Patch) adopted.actions().get(0);
    assertThat(patch.patch().tags()).containsEntry(OwnerTag.KEY, OwnerTag.value(object));
  }

  @Test
  void theSecondPoolOverTheImageLimitIsCapacityLimitedAndNotCreated() {
    Plan plan =
        decide(pool(1500), GALLERY, Optional.empty(), List.of(new PoolTargets("first", 1500, 0)));

    assertThat(plan.actions()).isEmpty();
    Condition limited = condition(plan, BatchPoolDecision.CAPACITY_LIMITED);
    assertThat(limited.getStatus()).isEqualTo("True");
    assertThat(limited.getMessage()).contains("first (1500)", "2500");
  }

  @Test
  void aNodeAgentOfTheWrongOsIsStalled() {
    BatchPool object = pool(10);
    object.getSpec().setNodeAgentSkuId("batch.node.windows amd64");

    Plan plan = decide(object, GALLERY, Optional.empty(), List.of());

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.STALLED).getReason()).isEqualTo("NodeAgentSkuMismatch");
  }

  @Test
  void aManagedImagePoolIsWarnedAboutTheRetirement() {
    ResolvedImage managed =
        new ResolvedImage(
            ImageReference.ofId(
                "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/images/i"),
            ImageKind.MANAGED,
            "Linux",
            null,
            ResolvedImage.MANAGED_IMAGE_RETIREMENT);

    Plan plan = decide(pool(10), managed, Optional.empty(), List.of());

    assertThat(plan.notices())
        .extracting(Notice::message)
        .contains(ResolvedImage.MANAGED_IMAGE_RETIREMENT);
    assertThat(condition(plan, BatchPoolDecision.IMAGE_READY).getMessage()).contains("2026-03-31");
    // A managed image never gets less than 20 minutes.
    assertThat(plan.status().getEffectiveResizeTimeout()).isEqualTo("PT20M");
  }

  @Test
  void anAutoscalePoolGetsItsFormulaAndItsNodeCountsAreLeftAlone() {
    BatchPool object = pool(0);
    PoolScale.AutoScale auto = new PoolScale.AutoScale();
    auto.setFormula("$TargetDedicatedNodes = 3;");
    auto.setEvaluationInterval("PT5M");
    object.getSpec().getScale().setFixed(null);
    object.getSpec().getScale().setAutoScale(auto);
    PoolInfo azure = azure(object, "Resizing", 1, 0);

    Plan plan = decide(object, GALLERY, Optional.of(azure), List.of());

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.status().getEffectiveResizeTimeout()).isNull();
  }

  /** The next decision, with the status the previous one wrote. */
  private static Plan decideAfter(
      Plan previous, BatchPool object, ResolvedImage image, PoolInfo pool) {
    object.setStatus(previous.status());
    return decide(object, image, Optional.ofNullable(pool), List.of());
  }

  private static BatchPool rolling(BatchPool object) {
    Rollout rollout = new Rollout();
    rollout.setStrategy(Rollout.Strategy.DrainAndRecreate);
    object.getSpec().setRollout(rollout);
    return object;
  }

  /** The pool Steady at these counts, its targets and its other settings unchanged. */
  private static PoolInfo scaled(PoolInfo pool, int current, int target) {
    FixedScaleSettings fixed = (FixedScaleSettings) pool.settings().scale();
    PoolSettings settings =
        withScale(pool.settings(), new FixedScaleSettings(target, 0, fixed.resizeTimeout(), null));
    return new PoolInfo(
        pool.id(),
        pool.name(),
        pool.etag(),
        pool.provisioningState(),
        "Steady",
        current,
        0,
        NOW.minusSeconds(60).atOffset(ZoneOffset.UTC),
        List.of(),
        settings);
  }

  /** The pool resizing towards {@code target}, {@code current} nodes so far. */
  private static PoolInfo resizing(PoolInfo pool, int current, int target) {
    PoolInfo scaledPool = scaled(pool, current, target);
    return new PoolInfo(
        pool.id(),
        pool.name(),
        pool.etag(),
        pool.provisioningState(),
        "Resizing",
        current,
        0,
        NOW.minusSeconds(30).atOffset(ZoneOffset.UTC),
        List.of(),
        scaledPool.settings());
  }

  private static PoolInfo deleting(PoolInfo pool) {
    return new PoolInfo(
        pool.id(),
        pool.name(),
        pool.etag(),
        "Deleting",
        pool.allocationState(),
        pool.currentDedicatedNodes(),
        pool.currentLowPriorityNodes(),
        pool.resizeStartTime(),
        pool.resizeErrors(),
        pool.settings());
  }

  // Secrets: Batch never returns a value the 2026-08-01 schema marks x-ms-secret (registry
  // passwords, mount keys and passwords, ...), so a changed Secret is known by its resourceVersion.

  @Test
  void aCreateRecordsTheVersionOfEverySecretItSent() {
    BatchPool object = withSecrets(pool(50));

    Plan plan = decide(object, GALLERY, Optional.empty(), secrets("3", "5"));

    Create create = (Create) plan.actions().get(0);
    assertThat(create.definition().settings().startTask().containerSettings().registry().password())
        .isEqualTo("start-password-3");
    assertThat(create.definition().settings().mountConfiguration().get(0).cifsMountConfiguration())
        .extracting(cifs -> cifs.password())
        .isEqualTo("cifs-password-5");
    assertThat(plan.status().getAppliedSecretVersions())
        .containsExactly(Map.entry("render-cifs", "5"), Map.entry("start-registry", "3"));
  }

  @Test
  void aChangedSecretOfTheStartTaskRegistryIsSentAgainAsAPatchOfTheStartTask() {
    BatchPool object = readyWithSecrets(Map.of("start-registry", "3", "render-cifs", "5"));
    PoolInfo azure = azure(object, secrets("3", "5"), "Steady", 50, 50);

    Plan plan = decide(object, GALLERY, Optional.of(azure), secrets("4", "5"));

    assertThat(plan.actions()).hasSize(1);
    Patch patch = (Patch) plan.actions().get(0);
    assertThat(patch.scale()).isFalse();
    assertThat(patch.patch().startTask().containerSettings().registry().password())
        .isEqualTo("start-password-4");
    assertThat(patch.patch().ifMatch()).isEqualTo("etag-1");
    assertThat(plan.status().getAppliedSecretVersions())
        .containsExactly(Map.entry("render-cifs", "5"), Map.entry("start-registry", "4"));
    assertThat(plan.notices())
        .filteredOn(notice -> notice.reason().equals("SecretChanged"))
        .singleElement()
        .satisfies(
            notice ->
                assertThat(notice.message())
                    .contains("start-registry")
                    .doesNotContain("start-password"));
    assertThat(condition(plan, Conditions.STALLED).getStatus()).isEqualTo("False");
  }

  @Test
  void aChangedSecretOfAMountNeedsANewPoolAndIsNotRecorded() {
    BatchPool object = readyWithSecrets(Map.of("start-registry", "3", "render-cifs", "5"));
    PoolInfo azure = azure(object, secrets("3", "5"), "Steady", 50, 50);

    Plan plan = decide(object, GALLERY, Optional.of(azure), secrets("3", "6"));

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.STALLED).getReason()).isEqualTo("RolloutRequired");
    assertThat(condition(plan, Conditions.STALLED).getMessage())
        .contains("mountConfiguration")
        .doesNotContain("startTask")
        .doesNotContain("cifs-password");
    assertThat(plan.status().getAppliedSecretVersions()).containsEntry("render-cifs", "5");
  }

  @Test
  void secretsSeenForTheFirstTimeOnAnExistingPoolAreRecordedAndNothingIsSent() {
    BatchPool object = readyWithSecrets(null);
    PoolInfo azure = azure(object, secrets("3", "5"), "Steady", 50, 50);

    Plan plan = decide(object, GALLERY, Optional.of(azure), secrets("4", "6"));

    assertThat(plan.actions()).isEmpty();
    assertThat(condition(plan, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(plan.status().getAppliedSecretVersions())
        .containsExactly(Map.entry("render-cifs", "6"), Map.entry("start-registry", "4"));
  }

  @Test
  void aStartTaskRegistryPointedAtAnotherSecretIsSentThoughAzureShowsNoDifference() {
    BatchPool object = readyWithSecrets(Map.of("start-registry", "3", "render-cifs", "5"));
    PoolInfo azure = azure(object, secrets("3", "5"), "Steady", 50, 50);
    object
        .getSpec()
        .getStartTask()
        .getContainerSettings()
        .getRegistry()
        .setPassword(new SecretValue(new SecretKeyRef("start-registry-v2", "password")));
    Map<Reference, String> values = new LinkedHashMap<>(secrets("3", "5").values());
    values.put(new Reference("start-registry-v2", "password"), "rotated-password");
    SecretValues.Resolved rotated =
        new SecretValues.Resolved(values, Map.of("start-registry-v2", "1", "render-cifs", "5"));

    Plan plan = decide(object, GALLERY, Optional.of(azure), rotated);

    Patch patch = (Patch) plan.actions().get(0);
    assertThat(patch.patch().startTask().containerSettings().registry().password())
        .isEqualTo("rotated-password");
    assertThat(plan.status().getAppliedSecretVersions())
        .containsExactly(Map.entry("render-cifs", "5"), Map.entry("start-registry-v2", "1"));
  }

  private static Plan decide(
      BatchPool object,
      ResolvedImage image,
      Optional<PoolInfo> pool,
      SecretValues.Resolved secrets) {
    return BatchPoolDecision.reconcile(
        object, new Observation(REF, image, pool, List.of(), secrets), NOW);
  }

  /**
   * A start task in a container whose registry password, and a CIFS mount whose password, are
   * Secrets.
   */
  private static BatchPool withSecrets(BatchPool object) {
    StartTask.TaskContainerSettings container = new StartTask.TaskContainerSettings();
    container.setImageName("docker.example.com/setup:1");
    ContainerRegistry registry = new ContainerRegistry();
    registry.setRegistryServer("docker.example.com");
    registry.setUserName("starter");
    registry.setPassword(new SecretValue(new SecretKeyRef("start-registry", "password")));
    container.setRegistry(registry);
    object.getSpec().getStartTask().setContainerSettings(container);
    MountConfiguration mount = new MountConfiguration();
    MountConfiguration.CifsMountConfiguration cifs =
        new MountConfiguration.CifsMountConfiguration();
    cifs.setSource("//10.0.0.5/out");
    cifs.setRelativeMountPath("out");
    cifs.setUserName("renderer");
    cifs.setPassword(new SecretValue(new SecretKeyRef("render-cifs", "password")));
    mount.setCifsMountConfiguration(cifs);
    object.getSpec().setMountConfiguration(List.of(mount));
    return object;
  }

  /**
   * A Ready pool with Secrets whose versions last sent were these ({@code null}: none recorded).
   */
  private static BatchPool readyWithSecrets(Map<String, String> applied) {
    BatchPool object = withSecrets(pool(50));
    BatchPoolStatus ready = new BatchPoolStatus();
    ready.setObservedGeneration(1L);
    Condition readyCondition = new Condition();
    readyCondition.setType(Conditions.READY);
    readyCondition.setStatus("True");
    ready.setConditions(List.of(readyCondition));
    ready.setAppliedSecretVersions(applied);
    object.setStatus(ready);
    return object;
  }

  /** The values of the two Secrets of {@link #withSecrets} at these resourceVersions. */
  private static SecretValues.Resolved secrets(String startRegistry, String cifs) {
    Map<Reference, String> values = new LinkedHashMap<>();
    values.put(new Reference("start-registry", "password"), "start-password-" + startRegistry);
    values.put(new Reference("render-cifs", "password"), "cifs-password-" + cifs);
    return new SecretValues.Resolved(
        values, Map.of("start-registry", startRegistry, "render-cifs", cifs));
  }

  private static Plan decide(
      BatchPool object, ResolvedImage image, Optional<PoolInfo> pool, List<PoolTargets> earlier) {
    return BatchPoolDecision.reconcile(object, new Observation(REF, image, pool, earlier), NOW);
  }

  private static Condition condition(Plan plan, String type) {
    return Conditions.find(plan.status().getConditions(), type);
  }

  static BatchPool pool(int dedicated) {
    BatchPool object = new BatchPool();
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName("render-pool")
            .withNamespace("render")
            .withUid("uid-1")
            .withGeneration(1L)
            .build());
    BatchPoolSpec spec = new BatchPoolSpec();
    BatchAccountRef account = new BatchAccountRef();
    account.setSubscriptionId("sub");
    account.setResourceGroup("rg-batch");
    account.setName("renderbatch");
    spec.setAccount(account);
    spec.setVmSize("Standard_D4s_v5");
    spec.setImage(new PoolImage());
    spec.setNodeAgentSkuId("batch.node.ubuntu 22.04");
    PoolScale scale = new PoolScale();
    PoolScale.Fixed fixed = new PoolScale.Fixed();
    fixed.setTargetDedicatedNodes(dedicated);
    fixed.setTargetLowPriorityNodes(0);
    scale.setFixed(fixed);
    spec.setScale(scale);
    spec.setStartTask(startTask("echo ready"));
    object.setSpec(spec);
    return object;
  }

  static StartTask startTask(String commandLine) {
    StartTask task = new StartTask();
    task.setCommandLine(commandLine);
    task.setWaitForSuccess(true);
    return task;
  }

  /** The pool as Azure would report it after creating what the spec asks, at these counts. */
  private static PoolInfo azure(BatchPool object, String state, int current, int target) {
    return azure(object, SecretValues.Resolved.NONE, state, current, target);
  }

  /** The same, for a spec whose Secrets had these values: Azure reports none of them back. */
  private static PoolInfo azure(
      BatchPool object, SecretValues.Resolved secrets, String state, int current, int target) {
    PoolSettings wanted =
        PoolSettingsMapper.settings(
                object,
                GALLERY.reference(),
                BatchPoolDecision.effectiveResizeTimeout(object.getSpec(), GALLERY),
                secrets)
            .withoutSecrets();
    PoolSettings reported =
        withScale(
            wanted,
            wanted.scale() instanceof FixedScaleSettings fixed
                ? new FixedScaleSettings(target, 0, fixed.resizeTimeout(), null)
                : wanted.scale());
    return new PoolInfo(
        REF.resourceId(),
        REF.poolId(),
        "etag-1",
        "Succeeded",
        state,
        current,
        0,
        NOW.minusSeconds(3600).atOffset(ZoneOffset.UTC),
        List.of(),
        reported);
  }

  /** The same settings with another scale. */
  private static PoolSettings withScale(PoolSettings s, ScaleSettings scale) {
    return new PoolSettings(
        s.displayName(),
        s.vmSize(),
        s.virtualMachineConfiguration(),
        scale,
        s.startTask(),
        s.taskSlotsPerNode(),
        s.metadata(),
        s.networkConfiguration(),
        s.userAssignedIdentities(),
        s.interNodeCommunication(),
        s.taskSchedulingPolicy(),
        s.mountConfiguration(),
        s.applicationPackages(),
        s.userAccounts(),
        s.upgradePolicy(),
        s.tags());
  }

  private static PoolSettings untagged(BatchPool object) {
    PoolSettings tagged = azure(object, "Steady", 50, 50).settings();
    return new PoolSettings(
        tagged.displayName(),
        tagged.vmSize(),
        tagged.virtualMachineConfiguration(),
        tagged.scale(),
        tagged.startTask(),
        tagged.taskSlotsPerNode(),
        tagged.metadata(),
        null,
        List.of(),
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        Map.of());
  }

  private static PoolInfo withSettings(PoolInfo pool, PoolSettings settings) {
    return new PoolInfo(
        pool.id(),
        pool.name(),
        pool.etag(),
        pool.provisioningState(),
        pool.allocationState(),
        pool.currentDedicatedNodes(),
        pool.currentLowPriorityNodes(),
        pool.resizeStartTime(),
        pool.resizeErrors(),
        settings);
  }
}
