package io.poolkeeper.operator;

import io.poolkeeper.api.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kstatus verdict on an object, as the three conditions Flux and kubectl read: Ready,
 * Reconciling and Stalled. Exactly one of ready, in progress or stalled holds.
 */
public record Health(Health.Kind kind, String reason, String message) {

  public enum Kind {
    READY,
    IN_PROGRESS,
    STALLED
  }

  public static Health ready(String reason, String message) {
    return new Health(Kind.READY, reason, message);
  }

  public static Health inProgress(String reason, String message) {
    return new Health(Kind.IN_PROGRESS, reason, message);
  }

  public static Health stalled(String reason, String message) {
    return new Health(Kind.STALLED, reason, message);
  }

  public boolean isReady() {
    return kind == Kind.READY;
  }

  public boolean isStalled() {
    return kind == Kind.STALLED;
  }

  /** Ready, Reconciling and Stalled for this verdict. */
  public List<Conditions.Wanted> conditions() {
    List<Conditions.Wanted> wanted = new ArrayList<>();
    wanted.add(new Conditions.Wanted(Conditions.READY, kind == Kind.READY, reason, message));
    wanted.add(
        kind == Kind.IN_PROGRESS
            ? new Conditions.Wanted(Conditions.RECONCILING, true, reason, message)
            : new Conditions.Wanted(Conditions.RECONCILING, false, reason, ""));
    wanted.add(
        kind == Kind.STALLED
            ? new Conditions.Wanted(Conditions.STALLED, true, reason, message)
            : new Conditions.Wanted(Conditions.STALLED, false, reason, ""));
    return wanted;
  }

  /** The conditions of this verdict plus {@code extra}, merged into {@code previous}. */
  public List<Condition> merge(
      List<Condition> previous, List<Conditions.Wanted> extra, long generation, Instant now) {
    List<Conditions.Wanted> all = new ArrayList<>(conditions());
    all.addAll(extra);
    return Conditions.merge(previous, all, generation, now);
  }
}
