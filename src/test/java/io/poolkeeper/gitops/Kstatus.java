package io.poolkeeper.gitops;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The status Flux (kustomize-controller's health checks, {@code flux ... --wait}) computes for an
 * object of a kind it has no special rules for: kstatus's generic rules, in their order, from
 * sigs.k8s.io/cli-utils pkg/kstatus/status (generic.go, checkGenericProperties and checkGeneration;
 * an object no rule decides is Current).
 */
final class Kstatus {

  enum Verdict {
    CURRENT,
    IN_PROGRESS,
    FAILED,
    TERMINATING
  }

  private Kstatus() {}

  static Verdict of(JsonNode object) {
    if (!object.path("metadata").path("deletionTimestamp").asText("").isEmpty()) {
      return Verdict.TERMINATING;
    }
    JsonNode generation = object.path("metadata").path("generation");
    JsonNode observed = object.path("status").path("observedGeneration");
    if (generation.isNumber() && observed.isNumber() && observed.asLong() != generation.asLong()) {
      return Verdict.IN_PROGRESS;
    }
    for (JsonNode condition : object.path("status").path("conditions")) {
      boolean holds = condition.path("status").asText().equals("True");
      if (holds && condition.path("type").asText().equals("Reconciling")) {
        return Verdict.IN_PROGRESS;
      }
      if (holds && condition.path("type").asText().equals("Stalled")) {
        return Verdict.FAILED;
      }
    }
    return Verdict.CURRENT;
  }
}
