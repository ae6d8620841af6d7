package io.poolkeeper.bench;

/**
 * Benchmark 5, on paper: what the operator's measured calls cost against ARM's hourly budget per
 * subscription, and the largest fleet that stays within it.
 *
 * @param listsPerAccountPerInterval pool lists per Batch account per idle interval (steady state)
 * @param otherReadsPerInterval steady-state reads of the image chain per idle interval
 * @param steadyWritesPerInterval steady-state writes per idle interval
 * @param readsPerNewPool reads one pool cost from apply to Ready (convergence run)
 * @param writesPerNewPool writes one pool cost from apply to Ready
 */
record ArmBudget(
    double listsPerAccountPerInterval,
    double otherReadsPerInterval,
    double steadyWritesPerInterval,
    double readsPerNewPool,
    double writesPerNewPool) {

  /** ARM's budget per subscription and hour (DOMAIN.md, and the emulator's headers). */
  static final int READS_PER_HOUR = 12_000;

  static final int WRITES_PER_HOUR = 1_200;

  /** The operator's default idle poll: five minutes, twelve per hour. */
  static final int INTERVALS_PER_HOUR = 12;

  /** Pools one list page holds: the operator asks for {@code maxresults=100} (ArmPoolService). */
  static final int POOLS_PER_PAGE = 100;

  /** Pools a Batch account may hold by default (its {@code poolQuota}). */
  static final int DEFAULT_POOL_QUOTA = 100;

  /** Steady-state ARM reads per hour for a fleet of {@code pools} in {@code accounts} accounts. */
  double steadyReadsPerHour(int pools, int accounts) {
    int poolsPerAccount = (pools + accounts - 1) / accounts;
    int pages = Math.max(1, (poolsPerAccount + POOLS_PER_PAGE - 1) / POOLS_PER_PAGE);
    return INTERVALS_PER_HOUR
        * (listsPerAccountPerInterval * pages * accounts + otherReadsPerInterval);
  }

  double steadyWritesPerHour() {
    return INTERVALS_PER_HOUR * steadyWritesPerInterval;
  }

  /**
   * The most pools one operator can keep in one subscription within the read budget, with every
   * account full at the default pool quota: reads grow with accounts, not pools.
   */
  long largestSteadyFleet() {
    double perAccount = INTERVALS_PER_HOUR * listsPerAccountPerInterval;
    double available = READS_PER_HOUR - INTERVALS_PER_HOUR * otherReadsPerInterval;
    long accounts = (long) Math.floor(available / perAccount);
    return accounts * DEFAULT_POOL_QUOTA;
  }

  /** New pools per hour the write budget allows (the binding limit while a fleet is created). */
  double newPoolsPerHour() {
    return WRITES_PER_HOUR / writesPerNewPool;
  }

  /** Hours to create {@code pools} pools within the write budget. */
  double hoursToCreate(int pools) {
    return pools / newPoolsPerHour();
  }

  /** What a re-PUT-every-sync design reads per hour for the same fleet (a GET per pool). */
  static double rePutReadsPerHour(int pools) {
    return (double) INTERVALS_PER_HOUR * pools;
  }

  /** What a re-PUT-every-sync design writes per hour for the same fleet (a PUT per pool). */
  static double rePutWritesPerHour(int pools) {
    return (double) INTERVALS_PER_HOUR * pools;
  }
}
