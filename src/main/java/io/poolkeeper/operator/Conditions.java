package io.poolkeeper.operator;

import io.poolkeeper.api.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Status conditions in the Kubernetes convention. A condition keeps its lastTransitionTime while
 * its status stays the same, so a reconcile that changes nothing writes nothing.
 */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";
  public static final String IN_USE = "InUse";
  public static final String REPLICATED = "Replicated";

  private Conditions() {}

  /** A condition as the decision wants it. */
  public record Wanted(String type, boolean status, String reason, String message) {}

  /**
   * The wanted conditions, in order, each keeping the previous lastTransitionTime when its status
   * did not change. Conditions of other types are dropped.
   */
  public static List<Condition> merge(
      List<Condition> previous, List<Wanted> wanted, long generation, Instant now) {
    List<Condition> merged = new ArrayList<>();
    for (Wanted want : wanted) {
      String status = want.status() ? "True" : "False";
      Condition before = find(previous, want.type());
      Condition condition = new Condition();
      condition.setType(want.type());
      condition.setStatus(status);
      condition.setReason(want.reason());
      condition.setMessage(want.message());
      condition.setObservedGeneration(generation);
      condition.setLastTransitionTime(
          before != null && status.equals(before.getStatus())
              ? before.getLastTransitionTime()
              : now.truncatedTo(ChronoUnit.SECONDS).toString());
      merged.add(condition);
    }
    return merged;
  }

  /** The condition of this type, or {@code null}. */
  public static Condition find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    for (Condition condition : conditions) {
      if (Objects.equals(condition.getType(), type)) {
        return condition;
      }
    }
    return null;
  }

  /** Whether the condition of this type is True. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    Condition condition = find(conditions, type);
    return condition != null && "True".equals(condition.getStatus());
  }

  /** Whether the condition of this type has this reason. */
  public static boolean hasReason(List<Condition> conditions, String type, String reason) {
    Condition condition = find(conditions, type);
    return condition != null && Objects.equals(condition.getReason(), reason);
  }
}
