package io.poolkeeper.policy;

import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.GalleryImageVersionSpec;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.azure.Regions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many replicas of a gallery image version each target region gets. Azure Batch wants at least
 * one replica per 600 VMs of a pool, in the Batch account's region, and Azure allows at most 100
 * replicas per region per version (DOMAIN.md, "Replica count"). With policy {@code Auto} each
 * region gets {@code ceil(nodes of the pools in that region / vmsPerReplica)}, never fewer than the
 * spec asks and never more than 100; with {@code Fixed} exactly what the spec asks.
 */
public final class ReplicaPolicy {

  /** Azure's limit of replicas of one version in one region. */
  public static final int MAX_REPLICAS_PER_REGION = 100;

  /** What Azure Batch recommends as the most VMs one replica serves. */
  public static final int DEFAULT_VMS_PER_REPLICA = 600;

  private ReplicaPolicy() {}

  /**
   * What one pool asks of the version.
   *
   * @param pool the BatchPool's name
   * @param region its Batch account's region, or {@code null} when that is not known
   * @param nodes its target nodes, dedicated plus low-priority
   */
  public record PoolDemand(String pool, String region, int nodes) {
    public PoolDemand {
      region = Regions.programmaticName(region);
    }
  }

  /**
   * The replica count per target region, in the spec's order, keyed by programmatic region name.
   * Pools in regions that are not targets, or in unknown regions, add nothing.
   */
  public static Map<String, Integer> replicaCounts(
      GalleryImageVersionSpec spec, List<PoolDemand> demand) {
    boolean auto = policyOf(spec) == GalleryImageVersionSpec.ReplicaPolicy.Auto;
    int vmsPerReplica = vmsPerReplicaOf(spec);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (GalleryImageVersionSpec.TargetRegion target : spec.getTargetRegions()) {
      String region = Regions.programmaticName(target.getName());
      int minimum = target.getReplicaCount() == null ? 1 : target.getReplicaCount();
      int count = minimum;
      if (auto) {
        long nodes = nodesIn(region, demand);
        long needed = (nodes + vmsPerReplica - 1) / vmsPerReplica;
        count = (int) Math.max(minimum, Math.min(MAX_REPLICAS_PER_REGION, needed));
      }
      counts.put(region, count);
    }
    return counts;
  }

  /** The pools whose region is known and not among the spec's target regions. */
  public static List<PoolDemand> outsideTargets(
      GalleryImageVersionSpec spec, List<PoolDemand> demand) {
    List<String> targets =
        spec.getTargetRegions().stream().map(t -> Regions.programmaticName(t.getName())).toList();
    return demand.stream()
        .filter(pool -> pool.region() != null && !targets.contains(pool.region()))
        .toList();
  }

  /**
   * The nodes a pool wants: its fixed targets, or for an autoscaled pool the targets Batch last
   * reported in status (none before the first report).
   */
  public static int nodesOf(BatchPool pool) {
    PoolScale scale = pool.getSpec() == null ? null : pool.getSpec().getScale();
    if (scale != null && scale.getFixed() != null) {
      return zeroIfNull(scale.getFixed().getTargetDedicatedNodes())
          + zeroIfNull(scale.getFixed().getTargetLowPriorityNodes());
    }
    BatchPoolStatus status = pool.getStatus();
    if (status == null) {
      return 0;
    }
    return zeroIfNull(status.getTargetDedicatedNodes())
        + zeroIfNull(status.getTargetLowPriorityNodes());
  }

  private static long nodesIn(String region, List<PoolDemand> demand) {
    return demand.stream()
        .filter(pool -> region.equals(pool.region()))
        .mapToLong(PoolDemand::nodes)
        .sum();
  }

  private static GalleryImageVersionSpec.ReplicaPolicy policyOf(GalleryImageVersionSpec spec) {
    return spec.getReplicas() == null || spec.getReplicas().getPolicy() == null
        ? GalleryImageVersionSpec.ReplicaPolicy.Auto
        : spec.getReplicas().getPolicy();
  }

  private static int vmsPerReplicaOf(GalleryImageVersionSpec spec) {
    return spec.getReplicas() == null || spec.getReplicas().getVmsPerReplica() == null
        ? DEFAULT_VMS_PER_REPLICA
        : Math.max(1, spec.getReplicas().getVmsPerReplica());
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }
}
