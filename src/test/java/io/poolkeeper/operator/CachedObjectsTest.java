package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.ProjectFiles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachedObjectsTest {

  @Test
  void objectsAreKeptWithoutTheirManagedFields() {
    ItemStore<BatchPool> store = CachedObjects.withoutManagedFields(Set.of());
    BatchPool pool = new BatchPool();
    pool.getMetadata().setName("render-pool");
    pool.getMetadata().setNamespace("render");
    pool.getMetadata().setManagedFields(List.of(new ManagedFieldsEntry()));

    store.put(store.getKey(pool), pool);

    BatchPool kept = store.get(store.getKey(pool));
    assertThat(kept.getMetadata().getName()).isEqualTo("render-pool");
    assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
  }

  @Test
  void severalNamespacesKeepTheDefaultStoreWhichJosdkCannotShareBetweenInformers() {
    assertThat(CachedObjects.withoutManagedFields(Set.of("render"))).isNotNull();
    assertThat(CachedObjects.<BatchPool>withoutManagedFields(Set.of("render", "batch"))).isNull();
  }

  @Test
  void anImageUserKeepsWhatTheImageControllersReadAndNothingElse() {
    BatchPool pool =
        new ObjectMapper()
            .convertValue(ProjectFiles.example("render-chain.yaml", "BatchPool"), BatchPool.class);
    BatchPoolStatus status = new BatchPoolStatus();
    status.setTargetDedicatedNodes(50);
    status.setCurrentDedicatedNodes(12);
    pool.setStatus(status);

    BatchPool kept = CachedObjects.imageUser(pool);

    assertThat(kept.getMetadata()).isSameAs(pool.getMetadata());
    assertThat(kept.getSpec().getImage()).isSameAs(pool.getSpec().getImage());
    assertThat(kept.getSpec().getAccount()).isSameAs(pool.getSpec().getAccount());
    assertThat(kept.getSpec().getScale()).isSameAs(pool.getSpec().getScale());
    assertThat(kept.getSpec().getStartTask()).isNull();
    assertThat(kept.getStatus().getTargetDedicatedNodes()).isEqualTo(50);
    assertThat(kept.getStatus().getCurrentDedicatedNodes()).isNull();
  }
}
