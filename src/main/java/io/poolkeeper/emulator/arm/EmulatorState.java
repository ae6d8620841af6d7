package io.poolkeeper.emulator.arm;

import io.poolkeeper.emulator.EmulatorClock;
import io.poolkeeper.emulator.EmulatorOptions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Everything the emulator knows, shared by the request handlers and the admin API: resources,
 * locks, operations, faults, counters, the clock and the options. All reads and changes of the
 * resource state happen while holding this object's monitor, after {@link #settle} has brought
 * time-based state up to the clock.
 *
 * <p>Public because the providers' handlers and {@code EmulatorAdmin} in other packages share it.
 */
public final class EmulatorState {

  private final EmulatorOptions options;
  private final EmulatorClock clock;
  private final ResourceStore store = new ResourceStore();
  private final ManagementLocks locks = new ManagementLocks();
  private final LongRunningOperations operations = new LongRunningOperations();
  private final Faults faults = new Faults();
  private final RequestCounters counters = new RequestCounters();
  private final WriteJournal journal = new WriteJournal();
  private long etags;

  public EmulatorState(EmulatorOptions options, EmulatorClock clock) {
    this.options = options;
    this.clock = clock;
  }

  public EmulatorOptions options() {
    return options;
  }

  public EmulatorClock clock() {
    return clock;
  }

  public ResourceStore store() {
    return store;
  }

  ManagementLocks locks() {
    return locks;
  }

  public LongRunningOperations operations() {
    return operations;
  }

  public Faults faults() {
    return faults;
  }

  public RequestCounters counters() {
    return counters;
  }

  public WriteJournal journal() {
    return journal;
  }

  /** The IDs of every management lock held, in the order they were placed. */
  public synchronized List<String> lockIds() {
    return locks.all().stream().map(ManagementLocks.Lock::id).toList();
  }

  /**
   * Brings time-based state up to {@code now}: finishes deletions that are due and lets every
   * resource move its own time-based state along (pool resizes). Call it before reading or changing
   * anything.
   */
  public synchronized void settle(Instant now) {
    for (ArmResource resource : store.all()) {
      if (resource.isDeleting() && resource.deletionCompleteAt(now)) {
        store.remove(resource.id(), resource.deletionStartedAt());
        locks.removeWithin(resource.id());
      }
    }
    for (ArmResource resource : store.all()) {
      resource.settle(now, this);
    }
  }

  /** A fresh weak ETag in Batch's spelling ({@code W/"0x8D4EDFEBFADF4AB"}). */
  public synchronized String nextEtag() {
    etags++;
    return String.format(Locale.ROOT, "W/\"0x8D%013X\"", 0x4EDFEBFADF4ABL + etags);
  }

  /**
   * Forgets resources, locks, operations, faults, counters and ETags. The clock is the caller's to
   * reset ({@code EmulatorAdmin}), so that resetting it stays out of the clock's public API.
   */
  public synchronized void reset() {
    store.clear();
    locks.clear();
    operations.clear();
    faults.clear();
    counters.reset();
    journal.clear();
    etags = 0;
  }
}
