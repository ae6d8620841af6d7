package io.poolkeeper.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.poolkeeper.batchpool.BatchPoolReconciler;
import io.poolkeeper.galleryimageversion.GalleryImageVersionReconciler;
import io.poolkeeper.managedimage.ManagedImageReconciler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The operator: JOSDK with Poolkeeper's reconcilers, registered for the configured namespaces and
 * label selector, with jittered retries and a maximum interval between reconciles.
 */
public final class PoolkeeperOperator implements AutoCloseable {

  private final Operator operator;

  private PoolkeeperOperator(Operator operator) {
    this.operator = operator;
  }

  /** Registers every reconciler and starts them; returns once the informers are in sync. */
  public static PoolkeeperOperator start(KubernetesClient kubernetes, OperatorContext context) {
    return start(kubernetes, context, Optional.empty());
  }

  /**
   * {@link #start(KubernetesClient, OperatorContext)}, reconciling only while this process holds
   * the election's Lease when {@code election} is given: a standby syncs its informers (and reads
   * Azure's pool lists) but neither reconciles nor writes until it leads. A leader that loses the
   * Lease exits (JOSDK's default), so two leaders never write at once.
   */
  public static PoolkeeperOperator start(
      KubernetesClient kubernetes,
      OperatorContext context,
      Optional<LeaderElectionConfiguration> election) {
    Operator operator =
        new Operator(
            overrider -> {
              overrider
                  .withKubernetesClient(kubernetes)
                  .withCloseClientOnStop(false)
                  .withStopOnInformerErrorDuringStartup(true)
                  .withCacheSyncTimeout(Duration.ofMinutes(2))
                  .withMetrics(
                      MicrometerMetrics.withoutPerResourceMetrics(context.metrics().registry()));
              election.ifPresent(overrider::withLeaderElectionConfiguration);
            });
    for (Function<OperatorContext, Reconciler<?>> reconciler : reconcilers()) {
      register(operator, reconciler.apply(context), context.settings());
    }
    operator.start();
    return new PoolkeeperOperator(operator);
  }

  static List<Function<OperatorContext, Reconciler<?>>> reconcilers() {
    return List.of(
        ManagedImageReconciler::new, GalleryImageVersionReconciler::new, BatchPoolReconciler::new);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(
      Operator operator, Reconciler<?> reconciler, OperatorSettings settings) {
    Consumer<ControllerConfigurationOverrider> configure =
        overrider -> {
          if (!settings.namespaces().isEmpty()) {
            overrider.settingNamespaces(settings.namespaces());
          }
          settings.labelSelector().ifPresent(overrider::withLabelSelector);
          overrider.withRetry(
              new JitteredRetry(
                  settings.scaled(Duration.ofSeconds(2)), settings.scaled(Duration.ofMinutes(5))));
          overrider.withReconciliationMaxInterval(settings.idlePoll().multipliedBy(2));
          overrider.withItemStore(CachedObjects.withoutManagedFields(settings.namespaces()));
        };
    operator.register((Reconciler) reconciler, (Consumer) configure);
  }

  /** Whether the operator started: informers in sync (and, when electing, the election running). */
  public boolean started() {
    return operator.getRuntimeInfo().isStarted();
  }

  /** Whether every informer still watches: a stopped informer means a stale cache. */
  public boolean informersHealthy() {
    return operator
        .getRuntimeInfo()
        .unhealthyInformerWrappingEventSourceHealthIndicator()
        .values()
        .stream()
        .allMatch(Map::isEmpty);
  }

  @Override
  public void close() {
    operator.stop();
  }
}
