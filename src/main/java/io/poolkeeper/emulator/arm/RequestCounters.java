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

  synchronized void count(String method, String resourceType) {
    counts.merge(method + " " + resourceType, 1L, Long::sum);
  }

  public synchronized Map<String, Long> snapshot() {
    return new TreeMap<>(counts);
  }

  public synchronized void reset() {
    counts.clear();
  }
}
