package io.poolkeeper.galleryimageversion;

import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.BatchAccountService;
import io.poolkeeper.azure.BatchAccountService.BatchAccountInfo;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The region of each Batch account, read from Azure once and remembered: an account cannot move to
 * another region, so the answer never goes stale. An account Azure does not know is asked again
 * next time, as it may be created meanwhile.
 */
public final class BatchAccountLocations {

  private final BatchAccountService accounts;
  private final ConcurrentMap<String, String> known = new ConcurrentHashMap<>();

  public BatchAccountLocations(BatchAccountService accounts) {
    this.accounts = accounts;
  }

  /**
   * The account's region (programmatic name), or empty when the account or its resource group does
   * not exist: a pool's wrong account is the pool's problem, not the version's.
   */
  public Optional<String> locationOf(BatchAccountRef account) {
    // ARM names are case-insensitive: one entry per account however it is spelled.
    String key = account.resourceId().toLowerCase(Locale.ROOT);
    String location = known.get(key);
    if (location != null) {
      return Optional.of(location);
    }
    Optional<String> read;
    try {
      read = accounts.get(account).map(BatchAccountInfo::location);
    } catch (AzureException.NotFound missingParent) {
      read = Optional.empty();
    }
    read.ifPresent(found -> known.put(key, found));
    return read;
  }
}
