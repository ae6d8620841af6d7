package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts pool resizes: from the pool's current counts towards new targets, capped by what the Batch
 * account's core quotas leave after the other pools of the account (a resizing pool holds the
 * larger of its current and target count), and carrying any injected failure waiting for this pool.
 * Cores per node come from the VM size name ({@link VmSizes}).
 */
final class PoolResizer {

  private final EmulatorState state;

  PoolResizer(EmulatorState state) {
    this.state = state;
  }

  void resize(
      PoolResource pool,
      int targetDedicated,
      int targetLowPriority,
      Duration timeout,
      String nodeDeallocationOption,
      Instant now) {
    double rate = state.options().nodesPerMinute();
    PoolAllocation current = pool.allocation();
    int fromDedicated = current.dedicatedAt(now, rate);
    int fromLowPriority = current.lowPriorityAt(now, rate);
    boolean alreadyThere = fromDedicated == targetDedicated && fromLowPriority == targetLowPriority;
    ResizeFailure injected = alreadyThere ? null : state.faults().takeResizeFailure(pool.id());
    int cores = VmSizes.coresPerNode(pool.vmSize());
    JsonNode quotas = accountProperties(pool);

    int dedicatedCap =
        quotas.path("dedicatedCoreQuota").asInt(0) - usedCores(pool, now, true, null);
    ResizeError dedicatedError = ResizeError.dedicatedQuota();
    dedicatedCap = Math.max(0, dedicatedCap) / cores;
    if (quotas.path("dedicatedCoreQuotaPerVMFamilyEnforced").asBoolean(false)) {
      String family = VmSizes.family(pool.vmSize());
      int familyQuota = familyQuota(quotas, family);
      int familyCap = Math.max(0, familyQuota - usedCores(pool, now, true, family)) / cores;
      if (familyCap < dedicatedCap) {
        dedicatedCap = familyCap;
        dedicatedError = ResizeError.vmSeriesQuota(family == null ? pool.vmSize() : family);
      }
    }
    int lowPriorityCap =
        Math.max(
                0, quotas.path("lowPriorityCoreQuota").asInt(0) - usedCores(pool, now, false, null))
            / cores;

    ResizeOperation operation =
        new ResizeOperation(
            now,
            fromDedicated,
            fromLowPriority,
            targetDedicated,
            targetLowPriority,
            timeout,
            nodeDeallocationOption,
            dedicatedCap,
            dedicatedError,
            lowPriorityCap,
            ResizeError.lowPriorityQuota(),
            injected,
            pool.imageId(),
            null);
    pool.allocation(
        alreadyThere ? current.completeImmediately(operation) : current.startResize(operation));
  }

  private JsonNode accountProperties(PoolResource pool) {
    return state
        .store()
        .find(pool.id().parent())
        .map(account -> account.document().path("properties"))
        .orElse(EmulatorJson.object());
  }

  /** Cores the account's other pools hold; only pools of {@code family} when it is given. */
  private int usedCores(PoolResource pool, Instant now, boolean dedicated, String family) {
    double rate = state.options().nodesPerMinute();
    int used = 0;
    for (ArmResource sibling : state.store().children(pool.id().parent(), PoolHandler.TYPE)) {
      if (sibling.equals(pool)
          || sibling.isDeleting()
          || !(sibling instanceof PoolResource other)) {
        continue;
      }
      if (family != null && !family.equalsIgnoreCase(VmSizes.family(other.vmSize()))) {
        continue;
      }
      PoolAllocation allocation = other.allocation();
      int nodes =
          dedicated ? allocation.dedicatedAt(now, rate) : allocation.lowPriorityAt(now, rate);
      if (allocation.state().equals(PoolAllocation.RESIZING)) {
        ResizeOperation resize = allocation.resize();
        nodes =
            Math.max(
                nodes, dedicated ? resize.reachableDedicated() : resize.reachableLowPriority());
      }
      used += nodes * VmSizes.coresPerNode(other.vmSize());
    }
    return used;
  }

  private static int familyQuota(JsonNode quotas, String family) {
    for (JsonNode entry : quotas.path("dedicatedCoreQuotaPerVMFamily")) {
      if (entry.path("name").asText().equalsIgnoreCase(family)) {
        return entry.path("coreQuota").asInt(0);
      }
    }
    return 0;
  }
}
