package io.poolkeeper.operator;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.azure.AzureErrors;
import io.poolkeeper.azure.AzureException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed reconcile means for the user and when to try again, the same for every kind:
 * throttling waits for Retry-After; transient Azure faults retry with jittered backoff; a refused
 * TLS certificate, requests Azure refused, missing parents and conflicts that waiting cannot solve
 * are Stalled with Azure's code and message and tried again only after a spec change or a long
 * interval; a bug is logged with its stack once, shown in the conditions and retried with backoff,
 * never in a tight loop.
 */
public final class ReconcileErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileErrors.class);

  private final OperatorSettings settings;
  private final Clock clock;
  private final EventRecorder events;

  public ReconcileErrors(OperatorSettings settings, Clock clock, EventRecorder events) {
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /**
   * The exception the reconciler threw. With metrics on, JOSDK (micrometer-support 5.2.3,
   * MicrometerMetrics.timeControllerExecution) wraps it in an OperatorException before it reaches
   * updateErrorStatus; without metrics it arrives as thrown.
   */
  static Exception thrownByReconciler(Exception failure) {
    if (failure instanceof OperatorException wrapper
        && wrapper.getCause() instanceof Exception cause) {
      return cause;
    }
    return failure;
  }

  /** The verdict on an object whose reconcile failed with {@code failure}. */
  static Health healthOf(Exception failure) {
    if (failure instanceof AzureException.Throttled throttled) {
      return Health.inProgress(
          "AzureThrottled",
          "Azure is throttling requests; trying again after " + throttled.retryAfter() + ".");
    }
    Optional<String> refusedCertificate = AzureErrors.refusedCertificate(failure);
    if (failure instanceof AzureException.Transient && refusedCertificate.isPresent()) {
      return Health.stalled(
          "AzureCertificateUntrusted",
          "Azure's TLS certificate was refused ("
              + refusedCertificate.get()
              + "), so no request was sent. If the endpoint (the emulator, a proxy) has a"
              + " certificate of its own CA, start the operator with --azure-ca-file naming that"
              + " CA; otherwise check --azure-endpoint and the JDK's trust store.");
    }
    if (failure instanceof AzureException.Transient transientFailure) {
      return Health.inProgress(
          "AzureUnavailable",
          "Azure did not answer as expected ("
              + describe(transientFailure)
              + "); trying again with backoff.");
    }
    if (failure instanceof AzureException.Conflict conflict && conflict.waitingHelps()) {
      return Health.inProgress(
          "AzureBusy", "Azure is busy with the resource (" + describe(conflict) + "); waiting.");
    }
    if (failure instanceof AzureException.NotFound missing && missing.parentMissing()) {
      return Health.stalled(
          "AzureParentNotFound",
          "What the resource lives in does not exist in Azure ("
              + describe(missing)
              + "). Create it, or fix the spec.");
    }
    if (failure instanceof AzureException azure) {
      return Health.stalled(
          "AzureRefused", "Azure refused the request (" + describe(azure) + "). Fix the spec.");
    }
    if (failure instanceof KubernetesClientException kubernetes) {
      return Health.inProgress(
          "KubernetesUnavailable",
          "The Kubernetes API server did not take the operator's request ("
              + kubernetes.getMessage()
              + "); retrying with backoff.");
    }
    if (failure instanceof SecretValues.MissingSecretException missing) {
      return Health.stalled("SecretMissing", missing.getMessage());
    }
    if (failure instanceof SecretValues.InvalidSecretException invalid) {
      return Health.stalled("SecretInvalid", invalid.getMessage());
    }
    if (failure instanceof OperatorSettings.MissingSubscriptionException missing) {
      return Health.stalled("SubscriptionMissing", capitalized(missing.getMessage()) + ".");
    }
    return Health.inProgress(
        "OperatorError",
        "The operator failed unexpectedly ("
            + failure.getClass().getSimpleName()
            + ": "
            + failure.getMessage()
            + "); retrying with backoff. Please report this.");
  }

  /**
   * The error status and control for {@code resource}: its conditions set from the failure, patched
   * only when they changed.
   */
  public <S extends ObservedStatus, P extends CustomResource<?, S>>
      ErrorStatusUpdateControl<P> handle(
          P resource,
          Context<P> context,
          Exception thrown,
          Supplier<S> emptyStatus,
          Supplier<P> emptyResource) {
    Exception failure = thrownByReconciler(thrown);
    if (interrupted(failure)) {
      // The operator is stopping: nothing failed, and the next start looks at Azure again.
      LOG.info(
          "{} {}/{}: reconcile interrupted by shutdown",
          resource.getKind(),
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName());
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    int attempt = context.getRetryInfo().map(r -> r.getAttemptCount()).orElse(0);
    logOnce(resource, failure, attempt);
    Health health = healthOf(failure);
    S status = copy(resource.getStatus(), emptyStatus);
    List<io.poolkeeper.api.Condition> previous = status.getConditions();
    status.setConditions(
        health.merge(
            previous,
            otherConditions(previous),
            resource.getMetadata().getGeneration() == null
                ? 0
                : resource.getMetadata().getGeneration(),
            clock.instant()));
    if (health.isStalled() && !Conditions.isTrue(previous, Conditions.STALLED)) {
      events.warning(resource, health.reason(), health.message());
    }
    ErrorStatusUpdateControl<P> control =
        StatusUpdates.same(resource.getStatus(), status)
            ? ErrorStatusUpdateControl.noStatusUpdate()
            : ErrorStatusUpdateControl.patchStatus(
                StatusUpdates.fresh(resource, status, emptyResource));
    if (failure instanceof AzureException.Throttled throttled) {
      return control.rescheduleAfter(settings.scaled(throttled.retryAfter()));
    }
    if (failure instanceof AzureException.Conflict conflict && conflict.waitingHelps()) {
      return control.rescheduleAfter(settings.busyPoll());
    }
    if (health.isStalled()) {
      return control.rescheduleAfter(settings.stalledRetry());
    }
    return control;
  }

  private static List<Conditions.Wanted> otherConditions(
      List<io.poolkeeper.api.Condition> previous) {
    return previous.stream()
        .filter(
            c ->
                !c.getType().equals(Conditions.READY)
                    && !c.getType().equals(Conditions.RECONCILING)
                    && !c.getType().equals(Conditions.STALLED))
        .map(
            c ->
                new Conditions.Wanted(
                    c.getType(), "True".equals(c.getStatus()), c.getReason(), c.getMessage()))
        .toList();
  }

  private static boolean interrupted(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private void logOnce(CustomResource<?, ?> resource, Exception failure, int attempt) {
    String name =
        resource.getKind()
            + " "
            + resource.getMetadata().getNamespace()
            + "/"
            + resource.getMetadata().getName();
    if (failure instanceof AzureException
        || failure instanceof KubernetesClientException
        || failure instanceof SecretValues.MissingSecretException
        || failure instanceof SecretValues.InvalidSecretException) {
      LOG.info("{}: {}", name, failure.getMessage());
    } else if (attempt <= 1) {
      LOG.error("{}: reconcile failed unexpectedly", name, failure);
    } else {
      LOG.error("{}: reconcile failed again (attempt {}): {}", name, attempt, failure.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static <S> S copy(S status, Supplier<S> empty) {
    if (status == null) {
      return empty.get();
    }
    return (S)
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
            io.fabric8.kubernetes.client.utils.Serialization.asJson(status), status.getClass());
  }

  private static String describe(AzureException failure) {
    String code = failure.code().isEmpty() ? "HTTP " + failure.httpStatus() : failure.code();
    return code + ": " + failure.getMessage();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
