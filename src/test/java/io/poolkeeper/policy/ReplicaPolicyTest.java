package io.poolkeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.GalleryImageVersionSpec;
import io.poolkeeper.policy.ReplicaPolicy.PoolDemand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replica rule of DOMAIN.md ("Replica count": at least one replica per 600 VMs of a pool, in
 * the Batch account's region, at most 100 per region per version).
 */
class ReplicaPolicyTest {

  @Test
  void threePoolsOfAThousandNodesInOneRegionNeedFiveReplicasThere() {
    GalleryImageVersionSpec spec = spec("Auto", 600, "westeurope: 1", "northeurope: 1");

    Map<String, Integer> counts =
        ReplicaPolicy.replicaCounts(
            spec,
            List.of(
                new PoolDemand("a", "westeurope", 1000),
                new PoolDemand("b", "westeurope", 1000),
                new PoolDemand("c", "westeurope", 1000)));

    assertThat(counts).containsExactly(Map.entry("westeurope", 5), Map.entry("northeurope", 1));
  }

  @Test
  void aRegionNeverGetsFewerReplicasThanTheSpecAsks() {
    GalleryImageVersionSpec spec = spec("Auto", 600, "westeurope: 3");

    assertThat(ReplicaPolicy.replicaCounts(spec, List.of(new PoolDemand("a", "westeurope", 1000))))
        .containsExactly(Map.entry("westeurope", 3));
  }

  @Test
  void aRegionGetsAtMostAHundredReplicas() {
    GalleryImageVersionSpec spec = spec("Auto", 600, "westeurope: 1");

    assertThat(
            ReplicaPolicy.replicaCounts(spec, List.of(new PoolDemand("a", "westeurope", 100_000))))
        .containsExactly(Map.entry("westeurope", 100));
  }

  @Test
  void vmsPerReplicaSetsHowManyNodesOneReplicaServes() {
    GalleryImageVersionSpec spec = spec("Auto", 100, "westeurope: 1");

    assertThat(ReplicaPolicy.replicaCounts(spec, List.of(new PoolDemand("a", "westeurope", 250))))
        .containsExactly(Map.entry("westeurope", 3));
  }

  @Test
  void fixedKeepsTheSpecsCountsWhateverThePoolsNeed() {
    GalleryImageVersionSpec spec = spec("Fixed", 600, "westeurope: 2");

    assertThat(ReplicaPolicy.replicaCounts(spec, List.of(new PoolDemand("a", "westeurope", 6000))))
        .containsExactly(Map.entry("westeurope", 2));
  }

  @Test
  void poolsOutsideTheTargetRegionsOrOfUnknownRegionAddNothingAndAreNamed() {
    GalleryImageVersionSpec spec = spec("Auto", 600, "westeurope: 1");
    List<PoolDemand> demand =
        List.of(new PoolDemand("east", "eastus", 6000), new PoolDemand("lost", null, 6000));

    assertThat(ReplicaPolicy.replicaCounts(spec, demand))
        .containsExactly(Map.entry("westeurope", 1));
    assertThat(ReplicaPolicy.outsideTargets(spec, demand))
        .containsExactly(new PoolDemand("east", "eastus", 6000));
  }

  @Test
  void regionsMatchWhateverSpellingAzureGaveTheAccount() {
    // Azure answers some regions as display names (DOMAIN.md, "Compute behaviour").
    GalleryImageVersionSpec spec = spec("Auto", 600, "westeurope: 1");

    assertThat(ReplicaPolicy.replicaCounts(spec, List.of(new PoolDemand("a", "West Europe", 1200))))
        .containsExactly(Map.entry("westeurope", 2));
  }

  @Test
  void withoutReplicaSettingsThePolicyIsAutoAtSixHundredNodesAReplica() {
    GalleryImageVersionSpec spec = spec(null, null, "westeurope: 1");

    assertThat(ReplicaPolicy.replicaCounts(spec, List.of(new PoolDemand("a", "westeurope", 601))))
        .containsExactly(Map.entry("westeurope", 2));
  }

  @Test
  void aFixedPoolWantsItsDedicatedAndLowPriorityTargets() {
    BatchPool pool =
        pool("scale: {fixed: {targetDedicatedNodes: 1000, targetLowPriorityNodes: 200}}");

    assertThat(ReplicaPolicy.nodesOf(pool)).isEqualTo(1200);
  }

  @Test
  void anAutoscaledPoolWantsTheTargetsBatchLastReported() {
    BatchPool pool = pool("scale: {autoScale: {formula: '$TargetDedicatedNodes = 5;'}}");
    assertThat(ReplicaPolicy.nodesOf(pool)).isZero();

    BatchPoolStatus status = new BatchPoolStatus();
    status.setTargetDedicatedNodes(700);
    status.setTargetLowPriorityNodes(50);
    pool.setStatus(status);

    assertThat(ReplicaPolicy.nodesOf(pool)).isEqualTo(750);
  }

  private static GalleryImageVersionSpec spec(
      String policy, Integer vmsPerReplica, String... regions) {
    StringBuilder yaml = new StringBuilder("targetRegions:\n");
    for (String region : regions) {
      String[] parts = region.split(": ");
      yaml.append("- {name: ")
          .append(parts[0])
          .append(", replicaCount: ")
          .append(parts[1])
          .append("}\n");
    }
    if (policy != null) {
      yaml.append("replicas: {policy: ")
          .append(policy)
          .append(", vmsPerReplica: ")
          .append(vmsPerReplica)
          .append("}\n");
    }
    return Serialization.unmarshal(yaml.toString(), GalleryImageVersionSpec.class);
  }

  private static BatchPool pool(String spec) {
    return Serialization.unmarshal(
        "apiVersion: poolkeeper.io/v1alpha1\n"
            + "kind: BatchPool\n"
            + "metadata: {name: pool, namespace: render}\n"
            + "spec:\n"
            + "  "
            + spec
            + "\n",
        BatchPool.class);
  }
}
