package io.poolkeeper.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolSpec;
import io.poolkeeper.api.BatchPoolStatus;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the operator's informers keep of each object: everything but {@code metadata.managedFields},
 * which the operator never reads (it writes with server-side apply of fresh objects) and which, as
 * a tree of maps per field manager, was most of the heap at 10 000 BatchPools (benchmark 4: over
 * 360 MiB before, each BatchPool held by three informers).
 */
public final class CachedObjects {

  private CachedObjects() {}

  /**
   * A new store that drops managed fields as objects arrive, for the informer of a controller or
   * event source watching {@code namespaces} (JOSDK's effective namespaces; empty for all); {@code
   * null}, fabric8's default store, for several namespaces. JOSDK then runs one informer per
   * namespace, all given the configured store, and a store shared between informers loses every
   * other namespace's objects at each relist (found by benchmark 4: pools in the second namespace
   * were never reconciled).
   */
  public static <R extends HasMetadata> ItemStore<R> withoutManagedFields(Set<String> namespaces) {
    return trimmed(namespaces, UnaryOperator.identity());
  }

  /**
   * {@link #withoutManagedFields} that also keeps of each object only what {@code keep} returns:
   * for an informer whose readers need a few fields of a kind held in full elsewhere.
   */
  public static <R extends HasMetadata> ItemStore<R> trimmed(
      Set<String> namespaces, UnaryOperator<R> keep) {
    if (namespaces.size() > 1) {
      return null;
    }
    return new TransformingItemStore<>(
        object -> {
          if (object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
          }
          return keep.apply(object);
        });
  }

  /**
   * What the image controllers read of a BatchPool (the image it names or still runs on, its
   * account and its node targets, for the users lists and the replica policy): at 10 000 pools the
   * two image controllers' pool informers held two more full copies of every pool.
   */
  public static BatchPool imageUser(BatchPool pool) {
    BatchPool kept = new BatchPool();
    kept.setMetadata(pool.getMetadata());
    if (pool.getSpec() != null) {
      BatchPoolSpec spec = new BatchPoolSpec();
      spec.setAccount(pool.getSpec().getAccount());
      spec.setImage(pool.getSpec().getImage());
      spec.setScale(pool.getSpec().getScale());
      kept.setSpec(spec);
    }
    if (pool.getStatus() != null) {
      BatchPoolStatus status = new BatchPoolStatus();
      status.setImageInUse(pool.getStatus().getImageInUse());
      status.setTargetDedicatedNodes(pool.getStatus().getTargetDedicatedNodes());
      status.setTargetLowPriorityNodes(pool.getStatus().getTargetLowPriorityNodes());
      kept.setStatus(status);
    }
    return kept;
  }
}
