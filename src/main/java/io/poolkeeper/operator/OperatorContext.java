package io.poolkeeper.operator;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.poolkeeper.azure.AzureClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every reconciler shares: settings, the one clock, Azure's ports, the event recorder, the
 * error policy and the metrics.
 */
public record OperatorContext(
    OperatorSettings settings,
    Clock clock,
    AzureClients azure,
    EventRecorder events,
    ReconcileErrors errors,
    OperatorMetrics metrics) {

  public static OperatorContext create(
      OperatorSettings settings,
      Clock clock,
      AzureClients azure,
      io.fabric8.kubernetes.client.KubernetesClient kubernetes,
      OperatorMetrics metrics) {
    EventRecorder events = new EventRecorder(kubernetes, clock);
    return new OperatorContext(
        settings, clock, azure, events, new ReconcileErrors(settings, clock, events), metrics);
  }

  /** When to look again at this pace, in real time. */
  public Duration after(Pace pace) {
    return switch (pace) {
      case BUSY -> settings.busyPoll();
      case IDLE -> settings.idlePoll();
      case STALLED -> settings.stalledRetry();
    };
  }

  /**
   * When to look again at this pace, or sooner when something is due at {@code deadline} (a resize
   * retry after its backoff): waiting for the next look at the pace would add up to one interval to
   * every backoff.
   */
  public Duration after(Pace pace, Optional<Instant> deadline, Instant now) {
    Duration atPace = after(pace);
    if (deadline.isEmpty()) {
      return atPace;
    }
    Duration untilDue = settings.scaled(Duration.between(now, deadline.get()).plusMillis(1));
    return untilDue.compareTo(atPace) < 0 ? untilDue : atPace;
  }

  /**
   * Patches status outside JOSDK's update controls (a Cleaner cannot return one), the way JOSDK
   * does: server-side apply of a fresh object under the controller's field manager, and only when
   * the status changed.
   */
  public <S, P extends CustomResource<?, S>> void patchStatus(
      P resource, S status, Supplier<P> empty, Context<P> context) {
    if (StatusUpdates.same(resource.getStatus(), status)) {
      return;
    }
    P fresh = StatusUpdates.fresh(resource, status, empty);
    context
        .getClient()
        .resource(fresh)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(context.getControllerConfiguration().fieldManager())
                .withForce(true)
                .build());
  }
}
