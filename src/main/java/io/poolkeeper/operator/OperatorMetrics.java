package io.poolkeeper.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.GalleryImageVersionStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Poolkeeper's own metrics on what it manages: node counts of each BatchPool, resize requests by
 * Azure's answer, and replication progress of each gallery image version. A gauge holds the value
 * of the last reconcile; it is removed when its object is deleted.
 */
public final class OperatorMetrics {

  public static final String POOL_CURRENT_NODES = "poolkeeper.batchpool.nodes.current";
  public static final String POOL_TARGET_NODES = "poolkeeper.batchpool.nodes.target";
  public static final String RESIZE_ATTEMPTS = "poolkeeper.batchpool.resize.attempts";
  public static final String REPLICATION_PROGRESS =
      "poolkeeper.galleryimageversion.replication.progress";

  /** The error-code label of a resize request Azure accepted. */
  public static final String ACCEPTED = "none";

  private final MeterRegistry registry;
  private final Map<String, Held> gauges = new ConcurrentHashMap<>();

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The pool's current and target nodes (dedicated plus low-priority) as the status says. */
  public void observePool(HasMetadata pool, BatchPoolStatus status) {
    Tags object = objectTags(pool);
    set(
        POOL_CURRENT_NODES,
        object,
        sum(status.getCurrentDedicatedNodes(), status.getCurrentLowPriorityNodes()));
    set(
        POOL_TARGET_NODES,
        object,
        sum(status.getTargetDedicatedNodes(), status.getTargetLowPriorityNodes()));
  }

  /** A resize sent to Azure: {@link #ACCEPTED}, or the error code Azure refused it with. */
  public void resizeAttempt(String errorCode) {
    Counter.builder(RESIZE_ATTEMPTS)
        .description("Resize requests sent to Azure Batch, by the error code Azure answered")
        .tag("error_code", errorCode == null || errorCode.isBlank() ? "unknown" : errorCode)
        .register(registry)
        .increment();
  }

  /** Replication progress (percent) of each target region of a gallery image version. */
  public void observeReplication(HasMetadata version, GalleryImageVersionStatus status) {
    List<GalleryImageVersionStatus.RegionReplication> regions =
        status.getReplication() == null ? List.of() : status.getReplication();
    for (GalleryImageVersionStatus.RegionReplication region : regions) {
      if (region.getRegion() != null) {
        long progress =
            region.getProgress() != null
                ? region.getProgress()
                : "Completed".equalsIgnoreCase(region.getState()) ? 100 : 0;
        set(REPLICATION_PROGRESS, objectTags(version).and("region", region.getRegion()), progress);
      }
    }
  }

  /** Drops every gauge of a deleted object. */
  public void forget(HasMetadata object) {
    Tags tags = objectTags(object);
    gauges
        .entrySet()
        .removeIf(
            entry -> {
              Gauge gauge = entry.getValue().gauge();
              boolean ofObject =
                  tags.stream().allMatch(tag -> gauge.getId().getTags().contains(tag));
              if (ofObject) {
                registry.remove(gauge);
              }
              return ofObject;
            });
  }

  private void set(String name, Tags tags, long value) {
    gauges
        .computeIfAbsent(
            name + tags,
            ignored -> {
              AtomicLong holder = new AtomicLong();
              Gauge gauge =
                  Gauge.builder(name, holder, AtomicLong::doubleValue)
                      .tags(tags)
                      .strongReference(true)
                      .register(registry);
              return new Held(holder, gauge);
            })
        .value()
        .set(value);
  }

  /** A gauge and the value it reads. */
  private record Held(AtomicLong value, Gauge gauge) {}

  private static Tags objectTags(HasMetadata object) {
    return Tags.of(
        "namespace",
        Objects.requireNonNullElse(object.getMetadata().getNamespace(), ""),
        "name",
        object.getMetadata().getName());
  }

  private static long sum(Integer first, Integer second) {
    return (first == null ? 0 : first) + (second == null ? 0 : second);
  }
}
