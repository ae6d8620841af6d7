package io.poolkeeper.bench;

import java.util.List;
import java.util.Locale;

/**
 * How big the benchmarks run: {@code ci}, a few dozen pools so the run cannot rot (the default), or
 * {@code full}, the sizes issue 13 names (run by hand with {@code -Pbench}).
 *
 * @param name ci or full
 * @param warmUpPools BatchPools of an unreported convergence run first, to warm the JVM up
 * @param convergenceSizes the numbers of BatchPools applied at once, in 10 accounts each
 * @param accounts Batch accounts the pools of one convergence run spread over
 * @param timeScale simulated seconds per real second, for the operator's waits and the emulator
 * @param steadyIntervals poll intervals the steady-state count runs over
 * @param healingPools pools that each get a retryable resize failure
 * @param footprintPools BatchPool objects the footprint operator process starts with
 * @param footprintNamespaces namespaces those objects spread over (most in the first)
 */
record BenchPlan(
    String name,
    int warmUpPools,
    List<Integer> convergenceSizes,
    int accounts,
    double timeScale,
    int steadyIntervals,
    int healingPools,
    int footprintPools,
    int footprintNamespaces) {

  /** The system property (Maven: {@code -Dpoolkeeper.bench=full}) that picks the plan. */
  static final String PROPERTY = "poolkeeper.bench";

  static final BenchPlan CI = new BenchPlan("ci", 40, List.of(20, 40), 10, 100, 10, 12, 400, 4);

  static final BenchPlan FULL =
      new BenchPlan("full", 200, List.of(100, 300, 1000), 10, 20, 10, 50, 10_000, 10);

  static BenchPlan fromSystemProperties() {
    String value = System.getProperty(PROPERTY, "ci").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "ci" -> CI;
      case "full" -> FULL;
      default ->
          throw new IllegalArgumentException(
              "-D" + PROPERTY + "=" + value + " is not a benchmark plan: use ci or full");
    };
  }

  int largestConvergence() {
    return convergenceSizes.get(convergenceSizes.size() - 1);
  }
}
