package io.poolkeeper.emulator;

import java.util.List;

/**
 * A Batch account to seed (the emulator does not create accounts through ARM).
 *
 * @param id the account's resource ID ({@code .../providers/Microsoft.Batch/batchAccounts/{name}})
 * @param location its region; the resource group's when {@code null}
 * @param dedicatedCoreQuota cores available to dedicated nodes of all pools
 * @param lowPriorityCoreQuota cores available to low-priority nodes of all pools
 * @param dedicatedCoreQuotaPerVMFamily per-family dedicated quotas ({@code standardDSv5Family})
 * @param dedicatedCoreQuotaPerVMFamilyEnforced whether the per-family quotas apply
 */
public record BatchAccountSeed(
    String id,
    String location,
    int dedicatedCoreQuota,
    int lowPriorityCoreQuota,
    List<VmFamilyCoreQuota> dedicatedCoreQuotaPerVMFamily,
    boolean dedicatedCoreQuotaPerVMFamilyEnforced) {

  /** One entry of {@code dedicatedCoreQuotaPerVMFamily}. */
  public record VmFamilyCoreQuota(String name, int coreQuota) {}

  public BatchAccountSeed {
    if (id == null) {
      throw new IllegalArgumentException("a Batch account needs an ID");
    }
    if (dedicatedCoreQuota < 0 || lowPriorityCoreQuota < 0) {
      throw new IllegalArgumentException("core quotas must not be negative");
    }
    dedicatedCoreQuotaPerVMFamily =
        dedicatedCoreQuotaPerVMFamily == null
            ? List.of()
            : List.copyOf(dedicatedCoreQuotaPerVMFamily);
  }

  /** An account with the quotas of a new Azure Batch account: 500 cores of each kind. */
  public static BatchAccountSeed withDefaultQuotas(String id, String location) {
    return new BatchAccountSeed(id, location, 500, 500, List.of(), false);
  }
}
