package io.poolkeeper.reliability;

import java.time.Duration;

/**
 * The sizes of one reliability run: {@code full} is issue 14's ({@code ./mvnw -Preliability
 * verify}), {@code ci} a smaller one that runs with every {@code ./mvnw verify} so the campaigns
 * cannot rot. Chosen with {@code -Dpoolkeeper.reliability=ci|full}.
 *
 * @param name ci or full
 * @param crashRuns lifecycles of the crash campaign
 * @param killsPerRun SIGKILLs of the operator process in each of those lifecycles
 * @param flakyRuns lifecycles while Azure misbehaves
 * @param outage how long the API server stays down
 * @param badObjects malformed or hostile objects applied (at least 200 in the full plan)
 * @param badInputWindow how long the operator runs among the bad objects while reconciles are
 *     counted
 */
public record ReliabilityPlan(
    String name,
    int crashRuns,
    int killsPerRun,
    int flakyRuns,
    Duration outage,
    int badObjects,
    Duration badInputWindow) {

  static final ReliabilityPlan CI =
      new ReliabilityPlan("ci", 1, 5, 1, Duration.ofSeconds(30), 60, Duration.ofSeconds(60));
  static final ReliabilityPlan FULL =
      new ReliabilityPlan("full", 5, 10, 3, Duration.ofSeconds(30), 220, Duration.ofMinutes(10));

  static ReliabilityPlan fromSystemProperties() {
    String name = System.getProperty("poolkeeper.reliability", "ci");
    return switch (name) {
      case "ci" -> CI;
      case "full" -> FULL;
      default ->
          throw new IllegalArgumentException(
              "poolkeeper.reliability must be ci or full, was " + name);
    };
  }

  /** SIGKILLs over the whole crash campaign (issue 14 asks for 50). */
  int kills() {
    return crashRuns * killsPerRun;
  }
}
