package io.poolkeeper.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Patches status only when it changed, as a fresh object that carries name, namespace and status
 * alone (JOSDK sends every patch as server-side apply and does not compare).
 */
public final class StatusUpdates {

  private StatusUpdates() {}

  /** Whether two statuses would serialize the same. */
  public static boolean same(Object a, Object b) {
    return Objects.equals(Serialization.asJson(a), Serialization.asJson(b));
  }

  /** The update for {@code resource} with {@code status}: a patch if it changed, else none. */
  public static <S, P extends CustomResource<?, S>> UpdateControl<P> patchIfChanged(
      P resource, S status, Supplier<P> empty) {
    if (same(resource.getStatus(), status)) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(fresh(resource, status, empty));
  }

  /** A new object of the resource's kind with only its name, namespace and this status. */
  public static <S, P extends CustomResource<?, S>> P fresh(
      P resource, S status, Supplier<P> empty) {
    P patch = empty.get();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(resource.getMetadata().getName())
            .withNamespace(resource.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }
}
