package io.poolkeeper.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.emulator.ArmWrite;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.EmulatorAdmin.HeldResource;
import io.poolkeeper.operator.OwnerTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Azure (the emulator) must hold after a campaign, and what the operator may have written to
 * it: the checks that decide whether anything was lost. Each method returns what it found wrong, in
 * words; an empty list means the check held.
 */
final class AzureLedger {

  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(ManagedImage.class, GalleryImageVersion.class, BatchPool.class);

  private final EmulatorAdmin admin;
  private final KubernetesClient client;
  private final String namespace;

  AzureLedger(EmulatorAdmin admin, KubernetesClient client, String namespace) {
    this.admin = admin;
    this.client = client;
    this.namespace = namespace;
  }

  /** The owner tag values of every Poolkeeper object in the namespace right now. */
  private Set<String> owners() {
    Set<String> owners = new HashSet<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      for (HasMetadata object : client.resources(kind).inNamespace(namespace).list().getItems()) {
        owners.add(OwnerTag.value(object));
      }
    }
    return owners;
  }

  private List<HeldResource> ours() {
    return admin.resources().stream()
        .filter(
            held -> {
              String owner = OwnerTag.ownerOf(held.tags());
              return owner != null && owner.startsWith(namespace + "/");
            })
        .toList();
  }

  /**
   * Every resource with our owner tag belongs to an object that exists (no orphan), and no object
   * owns two resources of one type (no duplicate).
   */
  List<String> orphansAndDuplicates() {
    List<String> wrong = new ArrayList<>();
    Set<String> owners = owners();
    Map<String, List<String>> byOwnerAndType = new HashMap<>();
    for (HeldResource held : ours()) {
      String owner = OwnerTag.ownerOf(held.tags());
      if (!owners.contains(owner)) {
        wrong.add("orphaned: " + held.id() + " is tagged for " + owner + ", which does not exist");
      }
      byOwnerAndType
          .computeIfAbsent(
              owner + " " + held.type().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
          .add(held.id());
    }
    byOwnerAndType.forEach(
        (key, ids) -> {
          if (ids.size() > 1) {
            wrong.add("duplicated: " + key + " owns " + ids);
          }
        });
    return wrong;
  }

  /** After every object was deleted: nothing with our tag and no lock is left. */
  List<String> leftBehind() {
    List<String> wrong = new ArrayList<>();
    for (HeldResource held : ours()) {
      wrong.add("left behind: " + held.id() + " (" + OwnerTag.ownerOf(held.tags()) + ")");
    }
    for (String lock : admin.locks()) {
      wrong.add("lock outlived its use: " + lock);
    }
    return wrong;
  }

  /**
   * Every lock sits on a resource that is ours and whose object still exists: a lock on anything
   * else outlived its use.
   */
  List<String> locksWithoutUse() {
    Set<String> owners = owners();
    Map<String, String> ownerById =
        ours().stream()
            .collect(
                Collectors.toMap(
                    held -> held.id().toLowerCase(Locale.ROOT),
                    held -> OwnerTag.ownerOf(held.tags()),
                    (a, b) -> a));
    List<String> wrong = new ArrayList<>();
    for (String lock : admin.locks()) {
      String scope =
          lock.substring(
              0,
              lock.toLowerCase(Locale.ROOT).indexOf("/providers/microsoft.authorization/locks/"));
      String owner = ownerById.get(scope.toLowerCase(Locale.ROOT));
      if (owner == null || !owners.contains(owner)) {
        wrong.add("lock outlived its use: " + lock);
      }
    }
    return wrong;
  }

  /**
   * What the specs asked of each pool over a campaign: the fixed targets they ever had, and from
   * when a rollout or the pool's deletion was asked (a rollout may drain a pool to zero and delete
   * it to create it again).
   */
  static final class PoolAsks {
    private final Map<String, Set<String>> targets = new HashMap<>();
    private final Map<String, Instant> rolloutsFrom = new HashMap<>();
    private final Map<String, Instant> deletesFrom = new HashMap<>();

    synchronized void target(String poolId, int dedicated, int lowPriority) {
      targets
          .computeIfAbsent(key(poolId), key -> new HashSet<>())
          .add(dedicated + "/" + lowPriority);
    }

    synchronized void rollout(String poolId, Instant from) {
      rolloutsFrom.putIfAbsent(key(poolId), from);
    }

    synchronized void delete(String poolId, Instant from) {
      deletesFrom.putIfAbsent(key(poolId), from);
    }

    private static String key(String poolId) {
      return poolId.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The operator's pool writes (from the emulator's journal) against what the specs asked: a pool
   * deleted, or resized to a size no spec asked for, is lost.
   */
  static List<String> unaskedPoolWrites(List<ArmWrite> writes, PoolAsks asks) {
    List<String> wrong = new ArrayList<>();
    synchronized (asks) {
      for (ArmWrite write : writes) {
        String[] segments = write.path().split("/");
        if (segments.length < 2 || !segments[segments.length - 2].equalsIgnoreCase("pools")) {
          continue;
        }
        String pool = PoolAsks.key(segments[segments.length - 1]);
        Instant rollout = asks.rolloutsFrom.get(pool);
        Instant delete = asks.deletesFrom.get(pool);
        boolean rollingOut = rollout != null && !write.at().isBefore(rollout);
        boolean deleting = delete != null && !write.at().isBefore(delete);
        if (write.method().equals("DELETE")) {
          if (!rollingOut && !deleting) {
            wrong.add("pool " + pool + " deleted at " + write.at() + " without being asked");
          }
          continue;
        }
        JsonNode fixed =
            write.body() == null ? null : write.body().at("/properties/scaleSettings/fixedScale");
        if (fixed == null || fixed.isMissingNode() || !fixed.isObject()) {
          continue;
        }
        int dedicated = fixed.path("targetDedicatedNodes").asInt(0);
        int lowPriority = fixed.path("targetLowPriorityNodes").asInt(0);
        boolean asked =
            asks.targets.getOrDefault(pool, Set.of()).contains(dedicated + "/" + lowPriority)
                || (rollingOut && dedicated == 0 && lowPriority == 0);
        if (!asked) {
          wrong.add(
              "pool "
                  + pool
                  + " resized to "
                  + dedicated
                  + "/"
                  + lowPriority
                  + " at "
                  + write.at()
                  + ", which no spec asked for");
        }
      }
    }
    return wrong;
  }
}
