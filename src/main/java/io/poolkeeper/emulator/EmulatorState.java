package io.poolkeeper.emulator;

import java.time.Instant;
import java.util.Locale;

/**
 * Everything the emulator knows, shared by the request handlers and the admin API: resources,
 * locks, operations, faults, counters, the clock and the options. All reads and changes of the
 * resource state happen while holding this object's monitor, after {@link #settle} has brought
 * time-based state up to the clock.
 */
final class EmulatorState {

  private final EmulatorOptions options;
  private final EmulatorClock clock;
  private final ResourceStore store = new ResourceStore();
  private final ManagementLocks locks = new ManagementLocks();
  private final LongRunningOperations operations = new LongRunningOperations();
  private final Faults faults = new Faults();
  private final RequestCounters counters = new RequestCounters();
  private long etags;

  EmulatorState(EmulatorOptions options, EmulatorClock clock) {
    this.options = options;
    this.clock = clock;
  }

  EmulatorOptions options() {
    return options;
  }

  EmulatorClock clock() {
    return clock;
  }

  ResourceStore store() {
    return store;
  }

  ManagementLocks locks() {
    return locks;
  }

  LongRunningOperations operations() {
    return operations;
  }

  Faults faults() {
    return faults;
  }

  RequestCounters counters() {
    return counters;
  }

  /**
   * Brings time-based state up to {@code now}: finishes deletions that are due and moves pool
   * resizes along. Call it before reading or changing anything.
   */
  synchronized void settle(Instant now) {
    for (ArmResource resource : store.all()) {
      if (resource.isDeleting() && resource.deletionCompleteAt(now)) {
        store.remove(resource.id(), resource.deletionStartedAt());
        locks.removeWithin(resource.id());
      }
    }
    for (PoolResource pool : store.all(PoolResource.class)) {
      pool.settle(now, options.nodesPerMinute(), store);
    }
  }

  /** A fresh weak ETag in Batch's spelling ({@code W/"0x8D4EDFEBFADF4AB"}). */
  synchronized String nextEtag() {
    etags++;
    return String.format(Locale.ROOT, "W/\"0x8D%013X\"", 0x4EDFEBFADF4ABL + etags);
  }

  synchronized void reset() {
    store.clear();
    locks.clear();
    operations.clear();
    faults.clear();
    counters.reset();
    clock.reset();
    etags = 0;
  }
}
