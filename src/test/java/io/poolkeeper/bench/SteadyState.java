package io.poolkeeper.bench;

import io.poolkeeper.emulator.EmulatorAdmin;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark 2: what the operator asks of Azure once every pool is Ready, over a whole number of its
 * list rounds (one list of each account per idle poll interval), counted by the emulator: every
 * request by method and type, and which GETs were lists. Beside it, what a design that re-PUTs
 * every pool on every sync would send for the same pools: a GET and a PUT per pool per interval.
 */
final class SteadyState {

  static final String POOLS = "Microsoft.Batch/batchAccounts/pools";

  /**
   * @param intervals list rounds counted
   * @param elapsedIntervals the real time those rounds took, in idle poll intervals
   * @param poolLists lists of the accounts' pools (each page counts)
   * @param poolReads GETs of one pool
   * @param poolWrites PUT, PATCH, POST and DELETE of pools
   * @param otherReads reads of anything else (the image chain's resources and locks)
   * @param otherWrites writes of anything else
   * @param rePutCallsPerInterval a re-PUT design's calls per interval for the same pools
   */
  record Result(
      int pools,
      int accounts,
      int intervals,
      double elapsedIntervals,
      long poolLists,
      long poolReads,
      long poolWrites,
      long otherReads,
      long otherWrites,
      long rePutCallsPerInterval,
      Map<String, Long> requests) {

    double listsPerAccountPerInterval() {
      return (double) poolLists / accounts / intervals;
    }

    double callsPerAccountPerInterval() {
      return (double) (poolLists + poolReads + poolWrites) / accounts / intervals;
    }

    double rePutCallsPerAccountPerInterval() {
      return (double) rePutCallsPerInterval / accounts;
    }

    double otherReadsPerInterval() {
      return (double) otherReads / intervals;
    }
  }

  private final BenchWorld world;

  SteadyState(BenchWorld world) {
    this.world = world;
  }

  /** Counts over {@code intervals} list rounds of the running operator's {@code accounts}. */
  Result measure(int pools, int accounts, int intervals) throws InterruptedException {
    Duration interval = world.settings().idlePoll();
    // Ready statuses settle into reconciles from the list alone within a few intervals.
    Thread.sleep(interval.multipliedBy(3).toMillis());
    EmulatorAdmin admin = world.emulator.admin();
    Duration limit = interval.multipliedBy(3);
    long firstRoundEnd = quietAfter(admin, -1, interval, limit);
    Map<String, Long> before = admin.requestCounts();
    long start = System.nanoTime();
    long lastRoundEnd = firstRoundEnd;
    for (int round = 0; round < intervals; round++) {
      lastRoundEnd = quietAfter(admin, lastRoundEnd, interval, limit);
    }
    long elapsed = System.nanoTime() - start;
    Map<String, Long> after = admin.requestCounts();
    Map<String, Long> requests = difference(after, before);
    long lists = lastRoundEnd - firstRoundEnd;
    long poolGets = requests.getOrDefault("GET " + POOLS, 0L);
    long poolWrites = sum(requests, true, true);
    long otherReads = sum(requests, false, false);
    long otherWrites = sum(requests, false, true);
    return new Result(
        pools,
        accounts,
        intervals,
        (double) elapsed / interval.toNanos(),
        lists,
        poolGets - lists,
        poolWrites,
        otherReads,
        otherWrites,
        2L * pools,
        requests);
  }

  /**
   * Waits until the pool lists counted so far are more than {@code after} (any count when it is
   * negative) and then stop for a quarter interval: a round of lists is over and the next is far
   * off. Returns the count then. Rounds are found by their quiet gaps, not by counting, so that
   * lists from earlier operators in this emulator do not matter.
   */
  private static long quietAfter(EmulatorAdmin admin, long after, Duration interval, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long quietFor = interval.toNanos() / 4;
    long last = -1;
    long changedAt = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long lists = admin.listRequestCounts().getOrDefault(POOLS, 0L);
      long now = System.nanoTime();
      if (lists != last) {
        last = lists;
        changedAt = now;
      } else if (lists > after && now - changedAt >= quietFor) {
        return lists;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(
        "no round of pool lists ended within "
            + limit
            + " after "
            + after
            + " lists; lists so far: "
            + admin.listRequestCounts());
  }

  private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> difference = new TreeMap<>();
    after.forEach(
        (key, count) -> {
          long added = count - before.getOrDefault(key, 0L);
          if (added != 0) {
            difference.put(key, added);
          }
        });
    return difference;
  }

  private static long sum(Map<String, Long> requests, boolean pools, boolean writes) {
    return requests.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(" " + POOLS) == pools)
        .filter(entry -> !entry.getKey().startsWith("GET ") == writes)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
