package io.poolkeeper.emulator.arm;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many ARM requests arrived, by method and resource type ({@code "GET
 * Microsoft.Batch/batchAccounts/pools"}), so tests can assert that the operator observes Azure
 * cheaply.
 */
public final class RequestCounters {

  private final SortedMap<String, Long> counts = new TreeMap<>();
  private final SortedMap<String, Long> lists = new TreeMap<>();

  synchronized void count(String method, String resourceType, boolean list) {
    counts.merge(method + " " + resourceType, 1L, Long::sum);
    if (list) {
      lists.merge(resourceType, 1L, Long::sum);
    }
  }

  public synchronized Map<String, Long> snapshot() {
    return new TreeMap<>(counts);
  }

  /**
   * The GETs of {@link #snapshot} that read a collection (one page of a list), by resource type, so
   * a benchmark can tell one list per account from one read per pool.
   */
  public synchronized Map<String, Long> listSnapshot() {
    return new TreeMap<>(lists);
  }

  public synchronized void reset() {
    counts.clear();
    lists.clear();
  }
}
