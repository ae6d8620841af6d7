package io.poolkeeper.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.fluent.models.BatchAccountInner;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link BatchAccountService} on azure-resourcemanager-batch. */
final class SdkBatchAccountService implements BatchAccountService {

  private final Function<String, BatchManager> batch;

  SdkBatchAccountService(Function<String, BatchManager> batch) {
    this.batch = batch;
  }

  @Override
  public Optional<BatchAccountInfo> get(BatchAccountRef account) {
    try {
      return AzureErrors.find(
              () ->
                  batch
                      .apply(account.subscriptionId())
                      .serviceClient()
                      .getBatchAccounts()
                      .getByResourceGroupWithResponse(
                          account.resourceGroup(), account.name(), Context.NONE)
                      .getValue())
          .map(SdkBatchAccountService::info);
    } catch (AzureException.NotFound e) {
      // Batch says AccountNotFound for the account itself too, not only as a pool's parent.
      if (e.code().equalsIgnoreCase(AzureException.NotFound.ACCOUNT_NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static BatchAccountInfo info(BatchAccountInner inner) {
    Map<String, Integer> families = new LinkedHashMap<>();
    if (inner.dedicatedCoreQuotaPerVMFamily() != null) {
      inner
          .dedicatedCoreQuotaPerVMFamily()
          .forEach(family -> families.put(family.name(), family.coreQuota()));
    }
    return new BatchAccountInfo(
        inner.id(),
        inner.location(),
        inner.poolAllocationMode() == null ? null : inner.poolAllocationMode().toString(),
        inner.dedicatedCoreQuota(),
        inner.lowPriorityCoreQuota(),
        families,
        Boolean.TRUE.equals(inner.dedicatedCoreQuotaPerVMFamilyEnforced()));
  }
}
