package io.poolkeeper.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.operator.Conditions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches one run's BatchPools as a user's {@code kubectl get -w} would, and notes the moment the
 * last of them turns Ready. An informer, not repeated lists: listing a thousand objects every few
 * milliseconds would load the API server the operator is timed against.
 */
final class ReadyWatch implements AutoCloseable {

  private final SharedIndexInformer<BatchPool> informer;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final int expected;
  private volatile long allReadyNanos;

  private ReadyWatch(
      KubernetesClient client,
      String namespace,
      String run,
      int expected,
      Consumer<BatchPool> each) {
    this.expected = expected;
    this.informer =
        client
            .resources(BatchPool.class)
            .inNamespace(namespace)
            .withLabel(BenchWorld.RUN_LABEL, run)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(BatchPool pool) {
                    seen(pool);
                  }

                  @Override
                  public void onUpdate(BatchPool old, BatchPool pool) {
                    seen(pool);
                  }

                  @Override
                  public void onDelete(BatchPool pool, boolean unknownFinalState) {
                    ready.remove(pool.getMetadata().getName());
                  }

                  private void seen(BatchPool pool) {
                    each.accept(pool);
                    if (pool.getStatus() != null
                        && Conditions.isTrue(pool.getStatus().getConditions(), Conditions.READY)) {
                      ready.add(pool.getMetadata().getName());
                      if (ready.size() >= ReadyWatch.this.expected && allReadyNanos == 0) {
                        allReadyNanos = System.nanoTime();
                      }
                    }
                  }
                });
  }

  static ReadyWatch start(KubernetesClient client, String namespace, String run, int expected) {
    return new ReadyWatch(client, namespace, run, expected, pool -> {});
  }

  static ReadyWatch start(
      KubernetesClient client,
      String namespace,
      String run,
      int expected,
      Consumer<BatchPool> each) {
    return new ReadyWatch(client, namespace, run, expected, each);
  }

  /**
   * Waits until every expected pool is Ready and returns {@link System#nanoTime} at that moment;
   * throws, with how many were Ready, after {@code limit}.
   */
  long awaitAllReady(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (allReadyNanos == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            ready.size() + " of " + expected + " BatchPools were Ready after " + limit);
      }
      Thread.sleep(5);
    }
    return allReadyNanos;
  }

  int readyCount() {
    return ready.size();
  }

  @Override
  public void close() {
    informer.close();
  }
}
