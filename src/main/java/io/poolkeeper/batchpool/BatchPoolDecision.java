package io.poolkeeper.batchpool;

import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolSpec;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.BatchPoolStatus.ImageInUse;
import io.poolkeeper.api.BatchPoolStatus.RolloutStatus;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.ResizeRecovery;
import io.poolkeeper.azure.PoolChanges;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolDefinition;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.batchpool.PoolSettingsMapper.SecretUse;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.Pace;
import io.poolkeeper.operator.SecretValues;
import io.poolkeeper.policy.CustomImageLimits;
import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import io.poolkeeper.policy.NodeAgentSkus;
import io.poolkeeper.policy.ResizeBackoff;
import io.poolkeeper.policy.ResizeTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the BatchPool controller does next (DESIGN.md "Behaviour", DOMAIN.md "Batch pool
 * behaviour"): a pure function of the spec, the resolved image, the pool Azure has, the other pools
 * on the same image and the previous status. No call to Azure or Kubernetes.
 */
final class BatchPoolDecision {

  static final String LABEL = "poolkeeper.io/batchpool";
  static final String IMAGE_READY = "ImageReady";
  static final String CAPACITY_LIMITED = "CapacityLimited";

  /** The image object the spec names does not exist in the pool's namespace. */
  static final String IMAGE_MISSING = "ImageMissing";

  /** After this long a Stalled resize is tried again without a spec change. */
  static final Duration LONG_INTERVAL = Duration.ofMinutes(30);

  private BatchPoolDecision() {}

  /**
   * What was observed.
   *
   * @param pool the pool in Azure, or empty when it does not exist
   * @param earlierOnSameImage the targets of the BatchPools created before this one on its image
   * @param secrets the values and versions of the Secrets the spec names
   */
  record Observation(
      PoolRef ref,
      ResolvedImage image,
      Optional<PoolInfo> pool,
      List<PoolTargets> earlierOnSameImage,
      SecretValues.Resolved secrets) {

    /** An observation of a spec that names no Secret. */
    Observation(
        PoolRef ref,
        ResolvedImage image,
        Optional<PoolInfo> pool,
        List<PoolTargets> earlierOnSameImage) {
      this(ref, image, pool, earlierOnSameImage, SecretValues.Resolved.NONE);
    }
  }

  sealed interface Action {}

  record Create(PoolDefinition definition) implements Action {}

  /** A PATCH; {@code scale} when it carries new fixed scale settings (a resize request). */
  record Patch(PoolPatch patch, boolean scale) implements Action {}

  record StopResize() implements Action {}

  /** Delete the pool (now without nodes) so that it can be created again: a rollout step. */
  record Delete() implements Action {}

  record Plan(List<Action> actions, List<Notice> notices, BatchPoolStatus status, Pace pace) {}

  static Plan reconcile(BatchPool object, Observation observed, Instant now) {
    BatchPoolSpec spec = object.getSpec();
    BatchPoolStatus previous =
        object.getStatus() == null ? new BatchPoolStatus() : object.getStatus();
    BatchPoolStatus status = carryOver(previous);
    status.setObservedGeneration(object.getMetadata().getGeneration());
    status.setPoolResourceId(observed.ref().resourceId());
    status.setSelector(LABEL + "=" + object.getMetadata().getName());
    observed.pool().ifPresent(pool -> observe(status, pool));
    List<Notice> notices = new ArrayList<>();
    ResolvedImage image = observed.image();
    if (image.warning() != null && !previouslyWarned(previous, image.warning())) {
      notices.add(Notice.warning("ManagedImagePool", image.warning()));
    }

    if (image.missing() != null) {
      // Missing at two looks in a row (a busy poll apart, unless something else woke the pool)
      // needs a person. At the first look the image may just not be in the cache yet: a pool and
      // its image applied together (Argo CD applies kinds by name, BatchPool first) must not flash
      // Stalled with a Warning. The image's informer wakes the pool as soon as it exists.
      if (!Conditions.hasReason(previous.getConditions(), Conditions.READY, IMAGE_MISSING)) {
        return finish(
            object,
            status,
            notices,
            List.of(),
            conditions(false, IMAGE_MISSING, image.missing(), null, image, null),
            Pace.BUSY,
            now);
      }
      return stalled(object, status, notices, image, null, IMAGE_MISSING, image.missing(), now);
    }
    if (!image.ready()) {
      return finish(
          object,
          status,
          notices,
          List.of(),
          conditions(
              false, "ImageNotReady", "Waiting for " + image.waitingFor() + ".", null, image, null),
          Pace.BUSY,
          now);
    }
    status.setResolvedImageId(image.resourceId());
    if (image.osType() != null) {
      Optional<String> mismatch = NodeAgentSkus.mismatch(spec.getNodeAgentSkuId(), image.osType());
      if (mismatch.isPresent()) {
        return stalled(
            object, status, notices, image, null, "NodeAgentSkuMismatch", mismatch.get(), now);
      }
    }

    Duration timeout = effectiveResizeTimeout(spec, image);
    status.setEffectiveResizeTimeout(
        spec.getScale().getFixed() == null ? null : timeout.toString());
    PoolSettings wanted =
        PoolSettingsMapper.settings(object, image.reference(), timeout, observed.secrets());
    List<SecretUse> secretUses = PoolSettingsMapper.secretReferences(spec);
    Map<String, String> appliedSecrets =
        previous.getAppliedSecretVersions() == null
            ? Map.of()
            : previous.getAppliedSecretVersions();
    Map<String, String> currentSecrets = observed.secrets().versions();

    String capacity = null;
    if (image.custom() && spec.getScale().getFixed() != null) {
      capacity =
          CustomImageLimits.refusal(targets(object), observed.earlierOnSameImage()).orElse(null);
    }
    if (capacity != null) {
      boolean growing =
          observed.pool().isEmpty()
              || !(observed.pool().get().settings().scale() instanceof FixedScaleSettings fixed)
              || fixed.targetDedicatedNodes() < targets(object).dedicated()
              || fixed.targetLowPriorityNodes() < targets(object).lowPriority();
      if (growing) {
        if (!capacity.equals(conditionMessage(previous, CAPACITY_LIMITED))) {
          notices.add(Notice.warning(CAPACITY_LIMITED, capacity));
        }
        return stalled(object, status, notices, image, capacity, CAPACITY_LIMITED, capacity, now);
      }
    }

    if (observed.pool().isEmpty()) {
      status.setImageInUse(imageRefOf(object));
      if (Rollouts.phaseIs(previous, RolloutStatus.RECREATING)) {
        status.setRollout(Rollouts.withPhase(previous.getRollout(), RolloutStatus.SCALING_UP));
        notices.add(
            Notice.normal(
                "Recreating",
                "Creating pool "
                    + observed.ref().poolId()
                    + " again with "
                    + String.join(", ", previous.getRollout().getChanges())
                    + "."));
      } else {
        notices.add(
            Notice.normal("Creating", "Creating pool " + observed.ref().poolId() + " in Azure."));
      }
      status.setAppliedSecretVersions(
          versions(
              AppliedSecrets.recorded(
                  secretUses, Map.of(), currentSecrets, settingsOf(secretUses))));
      return finish(
          object,
          status,
          notices,
          List.of(new Create(new PoolDefinition(observed.ref(), wanted))),
          conditions(false, "Creating", "Creating the pool in Azure.", null, image, capacity),
          Pace.BUSY,
          now);
    }
    PoolInfo pool = observed.pool().get();
    String owner = OwnerTag.ownerOf(pool.settings().tags());
    boolean ours = OwnerTag.ownedBy(pool.settings().tags(), object);
    if (!ours && (owner != null || !OwnerTag.adoptionRequested(object))) {
      String message =
          owner != null
              ? "Pool "
                  + observed.ref().poolId()
                  + " in Azure belongs to "
                  + owner
                  + "; choose another poolId."
              : "Pool "
                  + observed.ref().poolId()
                  + " already exists in Azure without Poolkeeper's owner tag; annotate this"
                  + " BatchPool with "
                  + OwnerTag.ADOPT_ANNOTATION
                  + "=true to adopt it, or choose another poolId.";
      return stalled(object, status, notices, image, capacity, "PoolNotOwned", message, now);
    }

    status.setImageInUse(
        image.reference().sameImageAs(imageOf(pool))
            ? imageRefOf(object)
            : previous.getImageInUse());
    if ("Deleting".equalsIgnoreCase(pool.provisioningState())) {
      return finish(
          object,
          status,
          notices,
          List.of(),
          conditions(
              false,
              "PoolDeleting",
              "Pool "
                  + observed.ref().poolId()
                  + " is being deleted in Azure; it is created again once it is gone.",
              null,
              image,
              capacity),
          Pace.BUSY,
          now);
    }

    // Azure never returns secrets: a changed Secret is a difference only its resourceVersion shows.
    Map<String, Set<String>> secretChanges =
        AppliedSecrets.changes(secretUses, appliedSecrets, currentSecrets);
    status.setAppliedSecretVersions(
        versions(AppliedSecrets.recorded(secretUses, appliedSecrets, currentSecrets, Set.of())));
    PoolChanges.Plan changes = PoolChanges.between(wanted, pool, secretChanges.keySet());
    if (!changes.whileEmpty().isEmpty()) {
      Rollouts.Context rollout =
          new Rollouts.Context(
              object, observed.ref(), pool, changes, wanted, timeout, image, previous, now);
      Rollouts.Step step = Rollouts.next(rollout);
      status.setRollout(step.rollout());
      for (Action action : step.actions()) {
        if (action instanceof Patch sent) {
          status.setAppliedSecretVersions(
              versions(
                  AppliedSecrets.recorded(
                      secretUses, appliedSecrets, currentSecrets, settingsSentBy(sent.patch()))));
        }
      }
      if (step.resize() != null) {
        status.setResize(step.resize());
      }
      notices.addAll(step.notices());
      if (step.stalledReason() != null) {
        return stalled(
            object,
            status,
            notices,
            image,
            capacity,
            step.stalledReason(),
            step.stalledMessage(),
            now);
      }
      return finish(
          object,
          status,
          notices,
          step.actions(),
          conditions(false, "RollingOut", step.message(), null, image, capacity),
          Pace.BUSY,
          now);
    }

    List<Action> actions = new ArrayList<>();
    PoolPatch patch = changes.patch();
    Set<String> startTaskSecrets = secretChanges.get(PoolSettingsMapper.START_TASK);
    boolean resendStartTask = startTaskSecrets != null;
    boolean sendScale = false;
    String stalledReason = null;
    String stalledMessage = null;
    boolean settled = true;
    Pace pace = Pace.IDLE;
    if (spec.getScale().getFixed() != null) {
      ResizeDecision.Outcome outcome =
          ResizeDecision.decide(
              wanted(spec, timeout),
              pool,
              previous.getResize(),
              lastRequest(previous),
              backoff(spec.getResizeRecovery()),
              true,
              LONG_INTERVAL,
              now);
      status.setResize(outcome.resize());
      notices.addAll(outcome.notices());
      ResizeDecision.Step step = outcome.step();
      if (step instanceof ResizeDecision.Resize) {
        sendScale = true;
        settled = false;
        pace = Pace.BUSY;
        if (scaleDrifted(previous, pool, spec)) {
          notices.add(
              Notice.normal(
                  "DriftCorrected",
                  "The pool's target in Azure was changed outside Poolkeeper; setting it back to"
                      + " the spec."));
        }
      } else if (step instanceof ResizeDecision.StopResize) {
        return finish(
            object,
            status,
            notices,
            List.of(new StopResize()),
            conditions(false, "Resizing", "Stopping the running resize.", null, image, capacity),
            Pace.BUSY,
            now);
      } else if (step instanceof ResizeDecision.Wait) {
        settled = false;
        pace = Pace.BUSY;
      } else if (step instanceof ResizeDecision.Stalled stalled) {
        stalledReason = stalled.reason();
        stalledMessage = stalled.message();
        pace = Pace.STALLED;
      }
      patch = withScale(patch, sendScale ? wanted.scale() : null);
    } else if (!"Steady".equalsIgnoreCase(pool.allocationState())) {
      pace = Pace.BUSY;
    }
    if (!patch.isEmpty()) {
      actions.add(new Patch(patch, sendScale));
      status.setAppliedSecretVersions(
          versions(
              AppliedSecrets.recorded(
                  secretUses, appliedSecrets, currentSecrets, settingsSentBy(patch))));
      if (resendStartTask) {
        notices.add(
            Notice.normal(
                "SecretChanged",
                "Sending startTask to Azure again: Secret "
                    + String.join(", ", startTaskSecrets)
                    + " changed since it was last sent."));
      }
      Set<String> other = new TreeSet<>(changes.inPlace());
      other.remove("scaleSettings");
      if (resendStartTask) {
        other.remove(PoolSettingsMapper.START_TASK);
      }
      if (!other.isEmpty()) {
        boolean drift =
            Objects.equals(previous.getObservedGeneration(), object.getMetadata().getGeneration())
                && Conditions.isTrue(previous.getConditions(), Conditions.READY);
        notices.add(
            drift
                ? Notice.normal(
                    "DriftCorrected",
                    "Setting " + String.join(", ", other) + " in Azure back to the spec.")
                : Notice.normal("Updating", "Updating " + String.join(", ", other) + " in Azure."));
      }
      if (pace == Pace.IDLE) {
        pace = Pace.BUSY;
      }
      settled = settled && !sendScale && other.isEmpty();
    }
    if (stalledReason != null) {
      return finish(
          object,
          status,
          notices,
          actions,
          conditions(false, stalledReason, stalledMessage, stalledMessage, image, capacity),
          Pace.STALLED,
          now);
    }
    boolean ready = settled && atTarget(spec, pool);
    if (Rollouts.underWay(previous)) {
      if (ready) {
        status.setRollout(null);
        notices.add(
            Notice.normal(
                "RolloutCompleted",
                "Rolled out "
                    + String.join(", ", previous.getRollout().getChanges())
                    + "; the pool is back at its target."));
      } else {
        status.setRollout(Rollouts.withPhase(previous.getRollout(), RolloutStatus.SCALING_UP));
      }
    } else {
      status.setRollout(null);
    }
    return finish(
        object,
        status,
        notices,
        actions,
        ready
            ? conditions(true, "Steady", readyMessage(pool), null, image, capacity)
            : conditions(
                false,
                "Resizing",
                "The pool has "
                    + pool.currentDedicatedNodes()
                    + " dedicated and "
                    + pool.currentLowPriorityNodes()
                    + " low-priority nodes and is "
                    + Objects.toString(pool.allocationState(), "Steady")
                    + ".",
                null,
                image,
                capacity),
        ready ? Pace.IDLE : pace,
        now);
  }

  /** When the status says something is next due (a resize retry once its backoff is over). */
  static Optional<Instant> nextDeadline(BatchPoolStatus status) {
    return Optional.ofNullable(status.getResize())
        .map(BatchPoolStatus.Resize::getNextAttemptTime)
        .map(ResizeDecision::instant);
  }

  /** Copies what Azure reports of the pool into the status. */
  static void observe(BatchPoolStatus status, PoolInfo pool) {
    status.setAllocationState(pool.allocationState());
    status.setCurrentDedicatedNodes(pool.currentDedicatedNodes());
    status.setCurrentLowPriorityNodes(pool.currentLowPriorityNodes());
    if (pool.settings().scale() instanceof FixedScaleSettings fixed) {
      status.setTargetDedicatedNodes(fixed.targetDedicatedNodes());
      status.setTargetLowPriorityNodes(fixed.targetLowPriorityNodes());
    } else {
      status.setTargetDedicatedNodes(null);
      status.setTargetLowPriorityNodes(null);
    }
  }

  static Duration effectiveResizeTimeout(BatchPoolSpec spec, ResolvedImage image) {
    PoolScale.Fixed fixed = spec.getScale().getFixed();
    if (fixed == null) {
      return null;
    }
    return ResizeTimeouts.effective(
        PoolSettingsMapper.duration(fixed.getResizeTimeout()),
        orZero(fixed.getTargetDedicatedNodes()) + orZero(fixed.getTargetLowPriorityNodes()),
        image.kind());
  }

  /** This pool's fixed targets, for the image limits (an autoscale pool counts as none). */
  static PoolTargets targets(BatchPool object) {
    PoolScale.Fixed fixed = object.getSpec().getScale().getFixed();
    return new PoolTargets(
        object.getMetadata().getName(),
        fixed == null ? 0 : orZero(fixed.getTargetDedicatedNodes()),
        fixed == null ? 0 : orZero(fixed.getTargetLowPriorityNodes()));
  }

  static ResizeBackoff backoff(ResizeRecovery recovery) {
    if (recovery == null) {
      return ResizeBackoff.DEFAULTS;
    }
    return new ResizeBackoff(
        recovery.getMaxAttempts() == null
            ? ResizeBackoff.DEFAULTS.maxAttempts()
            : recovery.getMaxAttempts(),
        recovery.getInitialBackoff() == null
            ? ResizeBackoff.DEFAULTS.initialBackoff()
            : Duration.parse(recovery.getInitialBackoff()),
        recovery.getMaxBackoff() == null
            ? ResizeBackoff.DEFAULTS.maxBackoff()
            : Duration.parse(recovery.getMaxBackoff()));
  }

  private static ResizeDecision.Wanted wanted(BatchPoolSpec spec, Duration timeout) {
    PoolScale.Fixed fixed = spec.getScale().getFixed();
    return new ResizeDecision.Wanted(
        orZero(fixed.getTargetDedicatedNodes()),
        orZero(fixed.getTargetLowPriorityNodes()),
        timeout,
        fixed.getNodeDeallocationOption() == null
            ? null
            : fixed.getNodeDeallocationOption().name());
  }

  static Instant lastRequest(BatchPoolStatus previous) {
    BatchPoolStatus.LastAppliedScale last = previous.getLastAppliedScale();
    return last == null ? null : ResizeDecision.instant(last.getTime());
  }

  /** Azure's targets are not what the operator last sent, though the spec still wants that. */
  private static boolean scaleDrifted(BatchPoolStatus previous, PoolInfo pool, BatchPoolSpec spec) {
    BatchPoolStatus.LastAppliedScale last = previous.getLastAppliedScale();
    PoolScale.Fixed fixed = spec.getScale().getFixed();
    return last != null
        && pool.settings().scale() instanceof FixedScaleSettings actual
        && Objects.equals(last.getTargetDedicatedNodes(), orZero(fixed.getTargetDedicatedNodes()))
        && Objects.equals(
            last.getTargetLowPriorityNodes(), orZero(fixed.getTargetLowPriorityNodes()))
        && (actual.targetDedicatedNodes() != last.getTargetDedicatedNodes()
            || actual.targetLowPriorityNodes() != last.getTargetLowPriorityNodes());
  }

  /**
   * The image object the spec names, as status.imageInUse records it; null for an ID or
   * Marketplace.
   */
  static ImageInUse imageRefOf(BatchPool object) {
    io.poolkeeper.api.PoolImage image = object.getSpec().getImage();
    if (image.getGalleryImageVersionRef() != null) {
      return new ImageInUse(
          ImageInUse.GALLERY_IMAGE_VERSION, image.getGalleryImageVersionRef().getName());
    }
    if (image.getManagedImageRef() != null) {
      return new ImageInUse(ImageInUse.MANAGED_IMAGE, image.getManagedImageRef().getName());
    }
    return null;
  }

  private static io.poolkeeper.azure.batch.PoolModel.ImageReference imageOf(PoolInfo pool) {
    return pool.settings().virtualMachineConfiguration() == null
        ? null
        : pool.settings().virtualMachineConfiguration().imageReference();
  }

  private static boolean atTarget(BatchPoolSpec spec, PoolInfo pool) {
    if (!"Steady".equalsIgnoreCase(Objects.toString(pool.allocationState(), "Steady"))) {
      return false;
    }
    PoolScale.Fixed fixed = spec.getScale().getFixed();
    if (fixed == null) {
      return pool.settings().scale() instanceof AutoScaleSettings;
    }
    return pool.settings().scale() instanceof FixedScaleSettings actual
        && actual.targetDedicatedNodes() == orZero(fixed.getTargetDedicatedNodes())
        && actual.targetLowPriorityNodes() == orZero(fixed.getTargetLowPriorityNodes())
        && pool.currentDedicatedNodes() == actual.targetDedicatedNodes()
        && pool.currentLowPriorityNodes() == actual.targetLowPriorityNodes();
  }

  private static String readyMessage(PoolInfo pool) {
    return "The pool is Steady with "
        + pool.currentDedicatedNodes()
        + " dedicated and "
        + pool.currentLowPriorityNodes()
        + " low-priority nodes.";
  }

  /** The settings with Secrets in them that a PATCH carries. */
  private static Set<String> settingsSentBy(PoolPatch patch) {
    Set<String> sent = new TreeSet<>();
    if (patch.startTask() != null) {
      sent.add(PoolSettingsMapper.START_TASK);
    }
    // Batch replaces the virtual machine configuration whole, registries and extensions with it.
    if (patch.virtualMachineConfiguration() != null) {
      sent.add(PoolSettingsMapper.CONTAINER_CONFIGURATION);
      sent.add(PoolSettingsMapper.EXTENSIONS);
    }
    sent.addAll(patch.emptyPoolProperties().keySet());
    return sent;
  }

  private static Set<String> settingsOf(List<SecretUse> uses) {
    Set<String> settings = new TreeSet<>();
    uses.forEach(use -> settings.add(use.setting()));
    return settings;
  }

  /** Versions for status: none is left out rather than written as an empty map. */
  private static Map<String, String> versions(Map<String, String> versions) {
    return versions.isEmpty() ? null : versions;
  }

  /** The same patch with these scale settings ({@code null}: none). */
  static PoolPatch withScale(PoolPatch patch, io.poolkeeper.azure.PoolService.ScaleSettings scale) {
    return new PoolPatch(
        scale,
        patch.startTask(),
        patch.metadata(),
        patch.applicationPackages(),
        patch.upgradePolicy(),
        patch.tags(),
        patch.vmSize(),
        patch.virtualMachineConfiguration(),
        patch.userAssignedIdentities(),
        patch.emptyPoolProperties(),
        patch.ifMatch());
  }

  private static List<Conditions.Wanted> conditions(
      boolean ready,
      String reason,
      String message,
      String stalledMessage,
      ResolvedImage image,
      String capacity) {
    List<Conditions.Wanted> wanted = new ArrayList<>();
    wanted.add(new Conditions.Wanted(Conditions.READY, ready, reason, message));
    wanted.add(
        new Conditions.Wanted(
            Conditions.STALLED,
            stalledMessage != null,
            stalledMessage != null ? reason : "Progressing",
            stalledMessage != null ? stalledMessage : "Nothing needs a person."));
    wanted.add(
        new Conditions.Wanted(
            IMAGE_READY,
            image.ready(),
            image.ready() ? "Resolved" : "Waiting",
            image.ready()
                ? "The pool's image is "
                    + (image.resourceId() == null ? "a Marketplace image" : image.resourceId())
                    + "."
                    + (image.warning() == null ? "" : " " + image.warning())
                : "Waiting for " + image.waitingFor() + "."));
    wanted.add(
        new Conditions.Wanted(
            CAPACITY_LIMITED,
            capacity != null,
            capacity != null ? "ImageNodeLimit" : "WithinLimits",
            capacity != null ? capacity : "The pools on this image fit Azure's limits."));
    return wanted;
  }

  private static Plan stalled(
      BatchPool object,
      BatchPoolStatus status,
      List<Notice> notices,
      ResolvedImage image,
      String capacity,
      String reason,
      String message,
      Instant now) {
    if (!message.equals(conditionMessage(object.getStatus(), Conditions.STALLED))
        && !reason.equals(CAPACITY_LIMITED)) {
      notices.add(Notice.warning(reason, message));
    }
    return finish(
        object,
        status,
        notices,
        List.of(),
        conditions(false, reason, message, message, image, capacity),
        Pace.STALLED,
        now);
  }

  private static Plan finish(
      BatchPool object,
      BatchPoolStatus status,
      List<Notice> notices,
      List<Action> actions,
      List<Conditions.Wanted> conditions,
      Pace pace,
      Instant now) {
    List<io.poolkeeper.api.Condition> previous =
        object.getStatus() == null ? null : object.getStatus().getConditions();
    // An empty object in a status patch comes back as null from server-side apply and the API
    // server refuses the patch (kubernetes/kubernetes#104694): leave an empty resize out.
    BatchPoolStatus.Resize resize = status.getResize();
    if (resize != null
        && resize.getAttempts() == null
        && resize.getLastError() == null
        && resize.getNextAttemptTime() == null
        && resize.getStopRequestedTime() == null) {
      status.setResize(null);
    }
    status.setConditions(
        Conditions.merge(previous, conditions, object.getMetadata().getGeneration(), now));
    return new Plan(List.copyOf(actions), List.copyOf(notices), status, pace);
  }

  private static String conditionMessage(BatchPoolStatus status, String type) {
    if (status == null) {
      return null;
    }
    io.poolkeeper.api.Condition condition = Conditions.find(status.getConditions(), type);
    return condition == null || !"True".equals(condition.getStatus())
        ? null
        : condition.getMessage();
  }

  private static boolean previouslyWarned(BatchPoolStatus status, String warning) {
    if (status == null) {
      return false;
    }
    io.poolkeeper.api.Condition condition = Conditions.find(status.getConditions(), IMAGE_READY);
    return condition != null
        && condition.getMessage() != null
        && condition.getMessage().contains(warning);
  }

  private static BatchPoolStatus carryOver(BatchPoolStatus previous) {
    BatchPoolStatus status = new BatchPoolStatus();
    status.setPoolResourceId(previous.getPoolResourceId());
    status.setAllocationState(previous.getAllocationState());
    status.setCurrentDedicatedNodes(previous.getCurrentDedicatedNodes());
    status.setCurrentLowPriorityNodes(previous.getCurrentLowPriorityNodes());
    status.setTargetDedicatedNodes(previous.getTargetDedicatedNodes());
    status.setTargetLowPriorityNodes(previous.getTargetLowPriorityNodes());
    status.setLastAppliedScale(previous.getLastAppliedScale());
    status.setResolvedImageId(previous.getResolvedImageId());
    status.setEffectiveResizeTimeout(previous.getEffectiveResizeTimeout());
    status.setResize(previous.getResize());
    status.setRollout(previous.getRollout());
    status.setImageInUse(previous.getImageInUse());
    status.setPendingOperation(previous.getPendingOperation());
    status.setAppliedSecretVersions(previous.getAppliedSecretVersions());
    return status;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
