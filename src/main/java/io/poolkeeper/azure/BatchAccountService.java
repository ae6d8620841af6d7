package io.poolkeeper.azure;

import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.util.Map;
import java.util.Optional;

/**
 * Batch accounts ({@code Microsoft.Batch/batchAccounts}), read only: where an account is and what
 * it may allocate. Poolkeeper never creates or changes accounts.
 */
public interface BatchAccountService {

  /** The account as Azure has it, or empty when it does not exist. */
  Optional<BatchAccountInfo> get(BatchAccountRef account);

  /**
   * A Batch account's region and quotas.
   *
   * @param id the account's resource ID
   * @param location its region, as ARM names it programmatically ({@code westeurope})
   * @param poolAllocationMode {@code BatchService} or {@code UserSubscription}
   * @param dedicatedCoreQuota cores for dedicated nodes of all pools ({@code null} in
   *     UserSubscription mode, where the subscription's quota applies)
   * @param lowPriorityCoreQuota cores for low-priority (spot) nodes of all pools
   * @param dedicatedCoreQuotaPerVmFamily per VM family ({@code standardDSv5Family}), in cores
   * @param dedicatedCoreQuotaPerVmFamilyEnforced whether the per-family quotas apply
   */
  record BatchAccountInfo(
      String id,
      String location,
      String poolAllocationMode,
      Integer dedicatedCoreQuota,
      Integer lowPriorityCoreQuota,
      Map<String, Integer> dedicatedCoreQuotaPerVmFamily,
      boolean dedicatedCoreQuotaPerVmFamilyEnforced) {
    public BatchAccountInfo {
      location = Regions.programmaticName(location);
      dedicatedCoreQuotaPerVmFamily = Map.copyOf(dedicatedCoreQuotaPerVmFamily);
    }
  }
}
