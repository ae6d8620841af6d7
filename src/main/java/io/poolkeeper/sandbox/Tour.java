package io.poolkeeper.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.poolkeeper.UserError;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.emulator.ArmOutcome;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.ResizeFailure;
import io.poolkeeper.operator.Conditions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scripted part of the sandbox, on the objects of examples/render-chain.yaml: waits for the
 * chain to be Ready, makes a resize fail and shows the operator heal it, tries to delete the image
 * the chain uses and shows it kept, and prints what to try next.
 */
final class Tour {

  static final String NAMESPACE = "render";
  static final String IMAGE = "render-base-2026-11";
  static final String VERSION = "render-base-1-0-0";
  static final String POOL = "render-pool";

  /** The tour's scale-up: ten nodes more than the example's 50. */
  private static final int SCALED_TARGET = 60;

  /** How many nodes the failing resize adds before Batch gives up on it. */
  private static final int NODES_BEFORE_FAILURE = 4;

  private final KubernetesClient client;
  private final EmulatorAdmin admin;
  private final LiveTable table;
  private final Duration timeout;

  /**
   * @param timeout how long each step may take in real time before the sandbox gives up on it
   */
  Tour(KubernetesClient client, EmulatorAdmin admin, LiveTable table, Duration timeout) {
    this.client = client;
    this.admin = admin;
    this.table = table;
    this.timeout = timeout;
  }

  /** Waits until the image, the version and the pool of render-chain.yaml are all Ready. */
  void awaitChainReady() {
    await(
        "the chain of examples/render-chain.yaml to be Ready",
        () -> ready(image()) && ready(version()) && ready(pool()));
    table.message(
        "chain Ready: ManagedImage, GalleryImageVersion and BatchPool of render-chain.yaml");
  }

  /** The whole tour: a healed resize failure, then an image in use that is kept. */
  void run() {
    healResizeFailure();
    keepImageInUse();
  }

  private void healResizeFailure() {
    BatchPool pool = pool();
    String poolId = pool.getStatus().getPoolResourceId();
    table.message(
        "Tour 1/2: scaling "
            + POOL
            + " to "
            + SCALED_TARGET
            + " nodes; the emulator makes that resize fail with AllocationFailed after "
            + NODES_BEFORE_FAILURE
            + " nodes.");
    admin.failNextResize(new ResizeFailure(poolId, "AllocationFailed", null, NODES_BEFORE_FAILURE));
    client
        .resources(BatchPool.class)
        .inNamespace(NAMESPACE)
        .withName(POOL)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"scale\":{\"fixed\":{\"targetDedicatedNodes\":" + SCALED_TARGET + "}}}}");
    Event retried =
        await(
            "the operator to notice the failed resize",
            () -> lastEvent(POOL, "ResizeRetried").orElse(null));
    table.message("  The operator saw it and tries again: " + retried.getMessage());
    await(
        POOL + " to reach " + SCALED_TARGET + " nodes",
        () -> {
          BatchPool now = pool();
          return ready(now)
              && now.getStatus().getCurrentDedicatedNodes() != null
              && now.getStatus().getCurrentDedicatedNodes() == SCALED_TARGET;
        });
    table.message("  Healed: " + POOL + " runs " + SCALED_TARGET + " nodes and is Ready.");
  }

  private void keepImageInUse() {
    table.message(
        "Tour 2/2: deleting ManagedImage "
            + IMAGE
            + ", which GalleryImageVersion "
            + VERSION
            + " uses.");
    client.resources(ManagedImage.class).inNamespace(NAMESPACE).withName(IMAGE).delete();
    Condition kept =
        await(
            "the operator to keep the image in use",
            () -> {
              ManagedImage image = image();
              Condition ready = condition(image, Conditions.READY);
              return image != null
                      && image.getMetadata().getDeletionTimestamp() != null
                      && ready != null
                      && "InUse".equals(ready.getReason())
                  ? ready
                  : null;
            });
    table.message("  Kept (Terminating until nothing uses it): " + kept.getMessage());
    String imageId = image().getStatus().getImageResourceId();
    ArmOutcome outOfBand = admin.deleteResource(imageId);
    table.message(
        "  Deleting it in Azure directly is refused too: HTTP "
            + outOfBand.status()
            + " "
            + outOfBand.body().path("error").path("code").asText(""));
  }

  /** What to try next, as commands that work while the sandbox runs. */
  static String tryNext(Path kubectl, Path kubeconfig, String emulator, Path caFile) {
    String k = kubectl + " --kubeconfig " + kubeconfig + " -n " + NAMESPACE;
    return String.join(
        "\n",
        "Try next (with --keep-running the sandbox stays up for these; Ctrl-C stops it):",
        "  " + k + " get bp,giv,mi",
        "  " + k + " scale bp/" + POOL + " --replicas=80",
        "  " + k + " describe mi/" + IMAGE,
        "  " + k + " get events --sort-by=.lastTimestamp",
        "  " + k + " delete bp/" + POOL + " bp/render-autoscale",
        "  curl --cacert " + caFile + " " + emulator + "/_emulator/counters");
  }

  private <T> T await(String what, Supplier<T> probe) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      T value;
      try {
        value = probe.get();
      } catch (RuntimeException notYet) {
        value = null;
      }
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new UserError("gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while waiting for " + what);
      }
    }
  }

  private Optional<Event> lastEvent(String name, String reason) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .filter(event -> reason.equals(event.getReason()))
        .max(Comparator.comparing(event -> event.getMetadata().getCreationTimestamp()));
  }

  private ManagedImage image() {
    return client.resources(ManagedImage.class).inNamespace(NAMESPACE).withName(IMAGE).get();
  }

  private GalleryImageVersion version() {
    return client
        .resources(GalleryImageVersion.class)
        .inNamespace(NAMESPACE)
        .withName(VERSION)
        .get();
  }

  private BatchPool pool() {
    return client.resources(BatchPool.class).inNamespace(NAMESPACE).withName(POOL).get();
  }

  private static boolean ready(CustomResource<?, ?> object) {
    Condition ready = condition(object, Conditions.READY);
    return ready != null && "True".equals(ready.getStatus());
  }

  private static Condition condition(CustomResource<?, ?> object, String type) {
    if (object == null || !(object.getStatus() instanceof ObservedStatus status)) {
      return null;
    }
    return Conditions.find(status.getConditions(), type);
  }
}
