package io.poolkeeper.batchpool;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingEventSource;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.azure.PoolService;
import io.poolkeeper.azure.PoolService.PoolInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes every Batch pool of the known BatchPools cheaply (issue 10 item 2, JOSDK.md "One Azure
 * list per Batch account"): each poll lists each account once ({@link PoolService#list}, which
 * reads with {@code $select}) and hands each BatchPool its pool through an index of the primary
 * cache. When one account's list fails, that account's previous pools are kept: a BatchPool missing
 * from the answer would count as its pool being gone. An account Azure says does not exist has no
 * pools any more: nothing of it is kept.
 */
final class AccountPools {

  static final String BY_POOL = "poolkeeper.io/pool";

  private static final Logger LOG = LoggerFactory.getLogger(AccountPools.class);

  /** A pool as last listed; {@code key} is its {@link #key(PoolRef)}. */
  record ObservedPool(String key, PoolInfo pool) {}

  private final PoolService pools;
  private final IndexerResourceCache<BatchPool> primaries;
  private final Function<BatchPool, PoolRef> refOf;
  private final Map<String, Map<ResourceID, Set<ObservedPool>>> lastByAccount = new HashMap<>();

  private AccountPools(
      PoolService pools,
      IndexerResourceCache<BatchPool> primaries,
      Function<BatchPool, PoolRef> refOf) {
    this.pools = pools;
    this.primaries = primaries;
    this.refOf = refOf;
  }

  /** The event source; the index is added to the primary cache here, before it starts. */
  static PollingEventSource<ObservedPool, BatchPool, String> source(
      PoolService pools,
      IndexerResourceCache<BatchPool> primaries,
      Function<BatchPool, PoolRef> refOf,
      Duration period) {
    primaries.addIndexer(BY_POOL, pool -> List.of(key(refOf.apply(pool))));
    AccountPools fetcher = new AccountPools(pools, primaries, refOf);
    return new PollingEventSource<>(
        ObservedPool.class,
        new PollingConfigurationBuilder<ObservedPool, String>(fetcher::fetch, period)
            .withName("batch-account-pools")
            .withResourceIDMapper(ObservedPool::key)
            .build());
  }

  /** The pool's key in the index: its ARM ID without regard to case, as ARM names compare. */
  static String key(PoolRef ref) {
    return ref.resourceId().toLowerCase(Locale.ROOT);
  }

  private synchronized Map<ResourceID, Set<ObservedPool>> fetch() {
    Map<String, BatchAccountRef> accounts = new LinkedHashMap<>();
    for (BatchPool pool : primaries.list().toList()) {
      BatchAccountRef account = refOf.apply(pool).account();
      accounts.putIfAbsent(account.resourceId().toLowerCase(Locale.ROOT), account);
    }
    Map<String, Map<ResourceID, Set<ObservedPool>>> next = new HashMap<>();
    for (Map.Entry<String, BatchAccountRef> account : accounts.entrySet()) {
      try {
        Map<ResourceID, Set<ObservedPool>> found = new HashMap<>();
        for (PoolInfo info : pools.list(account.getValue())) {
          String key = key(new PoolRef(account.getValue(), info.name()));
          for (BatchPool owner : primaries.byIndex(BY_POOL, key)) {
            found.put(ResourceID.fromResource(owner), Set.of(new ObservedPool(key, info)));
          }
        }
        next.put(account.getKey(), found);
      } catch (AzureException.NotFound gone) {
        // The account (or its resource group) is gone, and its pools with it: keeping the last
        // list would show them Ready. Without a listed pool each BatchPool reads its own, and
        // reports what Azure answers.
        LOG.warn(
            "Batch account {} is gone from Azure: {}",
            account.getValue().resourceId(),
            gone.getMessage());
        next.put(account.getKey(), Map.of());
      } catch (RuntimeException failure) {
        // Never throw: at start that would fail the operator, later it stops nothing useful.
        LOG.warn(
            "Listing the pools of Batch account {} failed; keeping what was listed before: {}",
            account.getValue().resourceId(),
            failure.toString());
        next.put(account.getKey(), lastByAccount.getOrDefault(account.getKey(), Map.of()));
      }
    }
    lastByAccount.clear();
    lastByAccount.putAll(next);
    Map<ResourceID, Set<ObservedPool>> all = new HashMap<>();
    next.values().forEach(all::putAll);
    return all;
  }
}
