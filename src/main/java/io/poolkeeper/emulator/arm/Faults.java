package io.poolkeeper.emulator.arm;

import io.poolkeeper.emulator.FaultRule;
import io.poolkeeper.emulator.ProvisioningFailure;
import io.poolkeeper.emulator.ResizeFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The faults the admin API has asked for: request-level rules (errors, throttling, latency) and
 * one-shot failures of the next resize of a pool or the next provisioning of a resource.
 */
public final class Faults {

  /** What the rules decided for one request: extra latency and maybe an error. */
  record Verdict(long latencyMillis, FaultRule error) {}

  private static final long SEED = 20260105L;

  private final List<FaultRule> rules = new ArrayList<>();
  private final Map<String, Deque<ResizeFailure>> nextResizeFailures = new HashMap<>();
  private final Map<String, ProvisioningFailure> nextProvisioningFailures = new HashMap<>();
  private final Map<String, Long> injected = new TreeMap<>();
  // Seeded, so that a rate below 1 fails the same requests on every run.
  private Random random = new Random(SEED);

  public synchronized void add(FaultRule rule) {
    rules.add(rule);
  }

  public synchronized List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  synchronized Verdict evaluate(String method, String resourceType) {
    long latency = 0;
    FaultRule error = null;
    ListIterator<FaultRule> iterator = rules.listIterator();
    while (iterator.hasNext()) {
      FaultRule rule = iterator.next();
      if (!rule.matches(method, resourceType)) {
        continue;
      }
      if (!rule.replacesResponse()) {
        // A latency-only rule slows its share of requests; a rate of 1 draws nothing, so the
        // seeded sequence of the error rules stays as it was.
        if (rule.rate() >= 1 || random.nextDouble() < rule.rate()) {
          latency += rule.latencyMillis();
          injected.merge("slow", 1L, Long::sum);
        }
        continue;
      }
      latency += rule.latencyMillis();
      if (error == null && random.nextDouble() < rule.rate()) {
        error = rule;
        injected.merge(rule.cutOff() ? "cut off" : String.valueOf(rule.status()), 1L, Long::sum);
        if (rule.times() != null && rule.times() <= 1) {
          iterator.remove();
        } else if (rule.times() != null) {
          iterator.set(withTimes(rule, rule.times() - 1));
        }
      }
    }
    return new Verdict(latency, error);
  }

  public synchronized void failNextResize(ResizeFailure failure) {
    nextResizeFailures
        .computeIfAbsent(ResourceId.parse(failure.poolId()).key(), key -> new ArrayDeque<>())
        .add(failure);
  }

  /**
   * The failure waiting for the next resize of {@code pool}, consumed by this call; failures queued
   * for one pool fail its resizes in turn.
   */
  public synchronized ResizeFailure takeResizeFailure(ResourceId pool) {
    Deque<ResizeFailure> queued = nextResizeFailures.get(pool.key());
    if (queued == null) {
      return null;
    }
    ResizeFailure next = queued.poll();
    if (queued.isEmpty()) {
      nextResizeFailures.remove(pool.key());
    }
    return next;
  }

  public synchronized void failNextProvisioning(ProvisioningFailure failure) {
    nextProvisioningFailures.put(ResourceId.parse(failure.resourceId()).key(), failure);
  }

  public synchronized ProvisioningFailure takeProvisioningFailure(ResourceId resource) {
    return nextProvisioningFailures.remove(resource.key());
  }

  /**
   * How many requests the rules have failed or slowed so far, by outcome: the status answered,
   * {@code cut off} or {@code slow}.
   */
  public synchronized Map<String, Long> injected() {
    return Map.copyOf(injected);
  }

  public synchronized void clear() {
    injected.clear();
    rules.clear();
    nextResizeFailures.clear();
    nextProvisioningFailures.clear();
    random = new Random(SEED);
  }

  private static FaultRule withTimes(FaultRule rule, int times) {
    return new FaultRule(
        rule.method(),
        rule.resourceType(),
        rule.rate(),
        rule.status(),
        rule.code(),
        rule.message(),
        rule.retryAfterSeconds(),
        rule.latencyMillis(),
        times,
        rule.cutOff());
  }
}
