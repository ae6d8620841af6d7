package io.poolkeeper.batchpool;

import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.BatchPoolStatus.RolloutStatus;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.Rollout;
import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.PoolChanges;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.policy.ResizeTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes Azure cannot apply to a pool with nodes (DESIGN.md "Rollouts"): with strategy
 * DrainAndRecreate, drain the pool to zero nodes (honouring nodeDeallocationOption), then apply the
 * change in place where Batch allows it on an empty pool ({@link PoolChanges#WHILE_EMPTY}) or
 * delete the pool and create it again with the same pool id, then scale back to the target. With
 * Manual, say what to do and wait.
 *
 * <p>Every step follows from the spec and the pool Azure has, not from a remembered position: a
 * pool with nodes and a pending change drains, an empty one takes the change, a missing one is
 * created. So an operator restarted at any step carries on from where Azure is; {@code
 * status.rollout} only tells people where that is, and which changes it is for.
 */
final class Rollouts {

  private Rollouts() {}

  /** What a rollout step is decided from. */
  record Context(
      BatchPool object,
      PoolRef ref,
      PoolInfo pool,
      PoolChanges.Plan changes,
      PoolSettings wanted,
      Duration resizeTimeout,
      ResolvedImage image,
      BatchPoolStatus previous,
      Instant now) {}

  /**
   * The step: what to send, the rollout status after it, and either a progress message or, when a
   * person is needed, a stalled reason and message.
   */
  record Step(
      List<BatchPoolDecision.Action> actions,
      RolloutStatus rollout,
      BatchPoolStatus.Resize resize,
      List<Notice> notices,
      String message,
      String stalledReason,
      String stalledMessage) {}

  /** A rollout is running (not just blocked) according to the status. */
  static boolean underWay(BatchPoolStatus status) {
    return status.getRollout() != null
        && status.getRollout().getPhase() != null
        && !RolloutStatus.BLOCKED.equals(status.getRollout().getPhase());
  }

  static boolean phaseIs(BatchPoolStatus status, String phase) {
    return status.getRollout() != null && phase.equals(status.getRollout().getPhase());
  }

  static RolloutStatus withPhase(RolloutStatus rollout, String phase) {
    RolloutStatus next = new RolloutStatus();
    next.setPhase(phase);
    next.setChanges(rollout.getChanges());
    next.setStartTime(rollout.getStartTime());
    return next;
  }

  static Step next(Context context) {
    PoolChanges.Plan changes = context.changes();
    PoolInfo pool = context.pool();
    Set<String> pending = new TreeSet<>(changes.whileEmpty());
    boolean recreate = mustRecreate(context, pending);
    String poolId = context.ref().poolId();
    String what = String.join(", ", pending);

    if (pool.isEmpty() && !recreate) {
      // No node is disturbed: Batch takes these on an empty pool, whatever the strategy.
      PoolPatch patch = BatchPoolDecision.withScale(changes.patch(), null);
      return progress(
          context,
          RolloutStatus.APPLYING,
          pending,
          List.of(new BatchPoolDecision.Patch(patch, false)),
          List.of(
              Notice.normal("Applying", "Changing " + what + " of pool " + poolId + " in place.")),
          "Changing " + what + " of the pool, which has no nodes.");
    }

    boolean manual = strategy(context.object()) == Rollout.Strategy.Manual;
    // Manual never deletes a pool, and drains one only when the spec itself asks for zero nodes.
    if (manual && (pool.isEmpty() || !specWantsNoNodes(context.object()))) {
      return blocked(context, pending, recreate, what);
    }

    if (pool.isEmpty()) {
      if (!OwnerTag.ownedBy(pool.settings().tags(), context.object())) {
        // An adopted pool gets the owner tag before anything deletes it.
        return progress(
            context,
            RolloutStatus.RECREATING,
            pending,
            List.of(new BatchPoolDecision.Patch(tagsOnly(context), false)),
            List.of(),
            "Tagging the pool as Poolkeeper's before recreating it.");
      }
      return progress(
          context,
          RolloutStatus.RECREATING,
          pending,
          List.of(new BatchPoolDecision.Delete()),
          List.of(
              Notice.normal(
                  "Recreating",
                  "Deleting pool "
                      + poolId
                      + ", now without nodes, to create it again with "
                      + what
                      + ": Azure did not change "
                      + (what.contains(",") ? "them" : "it")
                      + " in place.")),
          "Deleting the pool, now without nodes, to create it again with " + what + ".");
    }
    return drain(context, pending, recreate, what);
  }

  /**
   * Whether {@code refused} is Azure refusing the in-place change of a rollout's Applying step; if
   * so, {@code status} moves the rollout to Recreating, so the next step deletes the pool.
   */
  static boolean applyingRefused(BatchPoolStatus status, AzureException refused) {
    if (!phaseIs(status, RolloutStatus.APPLYING)
        || !"PropertyCannotBeUpdated".equalsIgnoreCase(refused.code())) {
      return false;
    }
    status.setRollout(withPhase(status.getRollout(), RolloutStatus.RECREATING));
    return true;
  }

  /**
   * Azure refused to change the empty pool in place (the reconciler turned the refusal into phase
   * Recreating), or took the PATCH but kept the old values: only a new pool brings the change.
   */
  private static boolean mustRecreate(Context context, Set<String> pending) {
    BatchPoolStatus previous = context.previous();
    if (phaseIs(previous, RolloutStatus.RECREATING)) {
      return true;
    }
    return phaseIs(previous, RolloutStatus.APPLYING)
        && context.pool().isEmpty()
        && java.util.Objects.equals(
            previous.getObservedGeneration(), context.object().getMetadata().getGeneration())
        && pending.equals(new TreeSet<>(previous.getRollout().getChanges()));
  }

  private static Step drain(Context context, Set<String> pending, boolean recreate, String what) {
    PoolInfo pool = context.pool();
    BatchPool object = context.object();
    PoolScale.Fixed fixed = object.getSpec().getScale().getFixed();
    String deallocation =
        fixed == null || fixed.getNodeDeallocationOption() == null
            ? null
            : fixed.getNodeDeallocationOption().name();
    Duration timeout =
        context.resizeTimeout() != null
            ? context.resizeTimeout()
            : ResizeTimeouts.effective(
                null,
                pool.currentDedicatedNodes() + pool.currentLowPriorityNodes(),
                context.image().kind());
    ResizeDecision.Outcome outcome =
        ResizeDecision.decide(
            new ResizeDecision.Wanted(0, 0, timeout, deallocation),
            pool,
            context.previous().getResize(),
            BatchPoolDecision.lastRequest(context.previous()),
            BatchPoolDecision.backoff(object.getSpec().getResizeRecovery()),
            true,
            BatchPoolDecision.LONG_INTERVAL,
            context.now());
    List<Notice> notices = new ArrayList<>();
    if (!phaseIs(context.previous(), RolloutStatus.DRAINING)) {
      notices.add(
          Notice.normal(
              "RolloutStarted",
              "Rolling out "
                  + what
                  + ": draining pool "
                  + context.ref().poolId()
                  + " to zero nodes (nodeDeallocationOption "
                  + (deallocation == null ? "Requeue, Azure's default" : deallocation)
                  + "), then "
                  + (recreate
                      ? "creating it again with the same pool id"
                      : "changing it while it has no nodes")
                  + ", then scaling back to the target."));
    }
    notices.addAll(outcome.notices());
    String message =
        "Draining the pool to zero nodes to roll out "
            + what
            + "; it has "
            + pool.currentDedicatedNodes()
            + " dedicated and "
            + pool.currentLowPriorityNodes()
            + " low-priority nodes.";
    ResizeDecision.Step step = outcome.step();
    List<BatchPoolDecision.Action> actions = new ArrayList<>();
    if (step instanceof ResizeDecision.Resize resize) {
      actions.add(new BatchPoolDecision.Patch(drainPatch(context, resize.settings()), true));
    } else if (step instanceof ResizeDecision.StopResize) {
      actions.add(new BatchPoolDecision.StopResize());
    } else if (step instanceof ResizeDecision.Stalled stalled) {
      return new Step(
          List.of(),
          rollout(context, RolloutStatus.DRAINING, pending),
          outcome.resize(),
          notices,
          null,
          stalled.reason(),
          "Draining the pool for a rollout of " + what + " is stuck. " + stalled.message());
    }
    return new Step(
        actions,
        rollout(context, RolloutStatus.DRAINING, pending),
        outcome.resize(),
        notices,
        message,
        null,
        null);
  }

  private static Step blocked(Context context, Set<String> pending, boolean recreate, String what) {
    String name = context.object().getMetadata().getName();
    String message =
        "Azure cannot change "
            + what
            + (recreate ? " of the existing pool in place." : " of a pool with nodes.")
            + " Set spec.rollout.strategy to DrainAndRecreate to let"
            + " Poolkeeper drain the pool to zero nodes, "
            + (recreate ? "create it again with the same pool id" : "apply the change")
            + " and scale it back; "
            + (recreate
                ? ""
                : "or scale it to zero yourself (kubectl scale bp/"
                    + name
                    + " --replicas=0) and Poolkeeper applies the change; ")
            + "or revert the change.";
    return new Step(
        List.of(),
        rollout(context, RolloutStatus.BLOCKED, pending),
        null,
        List.of(),
        null,
        "RolloutRequired",
        message);
  }

  private static Step progress(
      Context context,
      String phase,
      Set<String> pending,
      List<BatchPoolDecision.Action> actions,
      List<Notice> notices,
      String message) {
    return new Step(actions, rollout(context, phase, pending), null, notices, message, null, null);
  }

  private static RolloutStatus rollout(Context context, String phase, Set<String> pending) {
    RolloutStatus previous = context.previous().getRollout();
    RolloutStatus rollout = new RolloutStatus();
    rollout.setPhase(phase);
    rollout.setChanges(List.copyOf(pending));
    boolean continuing =
        previous != null && previous.getStartTime() != null && !phase.equals(RolloutStatus.BLOCKED);
    rollout.setStartTime(
        continuing ? previous.getStartTime() : ResizeDecision.timestamp(context.now()));
    return rollout;
  }

  /** Scaled to zero by the user: draining is what the spec asks, whatever the strategy. */
  private static boolean specWantsNoNodes(BatchPool object) {
    PoolScale.Fixed fixed = object.getSpec().getScale().getFixed();
    return fixed != null
        && (fixed.getTargetDedicatedNodes() == null || fixed.getTargetDedicatedNodes() == 0)
        && (fixed.getTargetLowPriorityNodes() == null || fixed.getTargetLowPriorityNodes() == 0);
  }

  private static Rollout.Strategy strategy(BatchPool object) {
    Rollout rollout = object.getSpec().getRollout();
    return rollout == null || rollout.getStrategy() == null
        ? Rollout.Strategy.Manual
        : rollout.getStrategy();
  }

  /** The drain resize, and the owner tag if the pool lacks it (an adopted pool). */
  private static PoolPatch drainPatch(Context context, FixedScaleSettings drain) {
    boolean tagsDiffer = context.changes().inPlace().contains("tags");
    return scaleAndTags(context, drain, tagsDiffer ? context.wanted().tags() : null);
  }

  private static PoolPatch tagsOnly(Context context) {
    return scaleAndTags(context, null, context.wanted().tags());
  }

  private static PoolPatch scaleAndTags(
      Context context, FixedScaleSettings scale, java.util.Map<String, String> tags) {
    return new PoolPatch(
        scale, null, null, null, null, tags, null, null, null, null, context.pool().etag());
  }
}
