package io.poolkeeper.azure;

/** A Batch pool in a Batch account. */
public record PoolRef(BatchAccountRef account, String poolId) {

  public String resourceId() {
    return account.resourceId() + "/pools/" + poolId;
  }

  /** A Batch account ({@code Microsoft.Batch/batchAccounts}). */
  public record BatchAccountRef(String subscriptionId, String resourceGroup, String name) {

    public String resourceId() {
      return AzureResourceIds.provider(subscriptionId, resourceGroup, "Microsoft.Batch")
          + "/batchAccounts/"
          + name;
    }

    public PoolRef pool(String poolId) {
      return new PoolRef(this, poolId);
    }
  }
}
