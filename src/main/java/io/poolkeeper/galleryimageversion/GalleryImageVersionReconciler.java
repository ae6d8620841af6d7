package io.poolkeeper.galleryimageversion;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionStatus;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService;
import io.poolkeeper.azure.GalleryService.ImageDefinitionInfo;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.LockService;
import io.poolkeeper.azure.OperationService;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.CreateGallery;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.CreateImageDefinition;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.CreateVersion;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.DeleteVersion;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.PutLock;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.RemoveLock;
import io.poolkeeper.galleryimageversion.GalleryImageVersionActions.UpdateVersion;
import io.poolkeeper.galleryimageversion.GalleryImageVersionDecision.Observation;
import io.poolkeeper.galleryimageversion.GalleryImageVersionDecision.Plan;
import io.poolkeeper.operator.ImageUsers;
import io.poolkeeper.operator.InUseLock;
import io.poolkeeper.operator.OperatorContext;
import io.poolkeeper.operator.PendingOperations;
import io.poolkeeper.operator.StatusUpdates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reconciles GalleryImageVersion objects with Azure Compute Gallery image versions: observe (the
 * version, its definition and gallery while they matter, its lock, the operation under way, its
 * source ManagedImage, the BatchPools that use it and their accounts' regions), decide ({@link
 * GalleryImageVersionDecision}), act, report status.
 */
@ControllerConfiguration(
    name = "galleryimageversion",
    finalizerName = "poolkeeper.io/gallery-image-version")
public final class GalleryImageVersionReconciler
    implements Reconciler<GalleryImageVersion>, Cleaner<GalleryImageVersion> {

  /** Azure's code for a read below a gallery or definition that does not exist. */
  private static final String PARENT_RESOURCE_NOT_FOUND = "ParentResourceNotFound";

  private final OperatorContext operator;
  private final GalleryService galleries;
  private final LockService locks;
  private final OperationService operations;
  private final BatchAccountLocations accountLocations;
  private InformerEventSource<BatchPool, GalleryImageVersion> pools;
  private InformerEventSource<ManagedImage, GalleryImageVersion> images;

  public GalleryImageVersionReconciler(OperatorContext operator) {
    this.operator = operator;
    this.galleries = operator.azure().galleries();
    this.locks = operator.azure().locks();
    this.operations = operator.azure().operations();
    this.accountLocations = new BatchAccountLocations(operator.azure().batchAccounts());
  }

  @Override
  public List<EventSource<?, GalleryImageVersion>> prepareEventSources(
      EventSourceContext<GalleryImageVersion> context) {
    pools =
        ImageUsers.informer(
            context,
            BatchPool.class,
            ImageUsers.BY_GALLERY_IMAGE_VERSION,
            ImageUsers::galleryImageVersionsOf);
    images = SourceImages.informer(context);
    return List.of(pools, images);
  }

  @Override
  public UpdateControl<GalleryImageVersion> reconcile(
      GalleryImageVersion object, Context<GalleryImageVersion> context) {
    Observation observed = observe(object, true);
    Plan plan =
        GalleryImageVersionDecision.reconcile(
            object, observed, operator.settings().locks(), operator.clock().instant());
    GalleryImageVersionStatus status = act(object, observed.ref(), plan);
    operator.metrics().observeReplication(object, status);
    return StatusUpdates.patchIfChanged(object, status, GalleryImageVersion::new)
        .rescheduleAfter(operator.after(plan.pace()));
  }

  @Override
  public DeleteControl cleanup(GalleryImageVersion object, Context<GalleryImageVersion> context) {
    operator.metrics().forget(object);
    Observation observed = observe(object, false);
    Plan plan = GalleryImageVersionDecision.cleanup(object, observed, operator.clock().instant());
    GalleryImageVersionStatus status = act(object, observed.ref(), plan);
    if (plan.removeFinalizer()) {
      return DeleteControl.defaultDelete();
    }
    operator.patchStatus(object, status, GalleryImageVersion::new, context);
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(operator.after(plan.pace()).toMillis());
  }

  @Override
  public ErrorStatusUpdateControl<GalleryImageVersion> updateErrorStatus(
      GalleryImageVersion object, Context<GalleryImageVersion> context, Exception failure) {
    return operator
        .errors()
        .handle(object, context, failure, GalleryImageVersionStatus::new, GalleryImageVersion::new);
  }

  /**
   * What Azure and the cluster hold. The definition and gallery are read only while the version is
   * not this object's yet (once it is, they exist and cannot change), and only when not deleting.
   */
  private Observation observe(GalleryImageVersion object, boolean reconciling) {
    GalleryImageVersionRef ref =
        GalleryImageVersionDecision.ref(
            object,
            operator.settings().subscription(object.getSpec().getAzure().getSubscriptionId()));
    Optional<ImageVersionInfo> version = withoutParent(() -> galleries.getVersion(ref));
    boolean ours = version.map(v -> GalleryImageVersionDecision.ownedBy(v, object)).orElse(false);
    Optional<ImageDefinitionInfo> definition = Optional.empty();
    Optional<String> gallery = Optional.empty();
    if (reconciling && !ours) {
      definition = withoutParent(() -> galleries.getImageDefinition(ref));
      if (definition.isEmpty()) {
        gallery = galleries.getGalleryState(ref);
      }
    }
    boolean locked = version.isPresent() && InUseLock.present(locks.listLocks(ref.resourceId()));
    List<BatchPool> users =
        ImageUsers.userObjects(pools, ImageUsers.BY_GALLERY_IMAGE_VERSION, object);
    return new Observation(
        ref,
        version,
        definition,
        gallery,
        locked,
        PendingOperations.status(operations, object.getStatus()),
        SourceImages.sourceOf(images, object),
        users,
        regionsOf(users));
  }

  /** A read below a gallery or definition that does not exist finds nothing. */
  private static <T> Optional<T> withoutParent(Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (AzureException.NotFound missing) {
      if (missing.code().equalsIgnoreCase(PARENT_RESOURCE_NOT_FOUND)) {
        return Optional.empty();
      }
      throw missing;
    }
  }

  /** The region of each pool's Batch account, by pool name, where Azure knows the account. */
  private Map<String, String> regionsOf(List<BatchPool> users) {
    Map<String, String> regions = new HashMap<>();
    for (BatchPool pool : users) {
      accountOf(pool)
          .flatMap(accountLocations::locationOf)
          .ifPresent(region -> regions.put(pool.getMetadata().getName(), region));
    }
    return regions;
  }

  private Optional<BatchAccountRef> accountOf(BatchPool pool) {
    io.poolkeeper.api.BatchAccountRef account =
        pool.getSpec() == null ? null : pool.getSpec().getAccount();
    if (account == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(account.getSubscriptionId())
        .filter(subscription -> !subscription.isBlank())
        .or(() -> operator.settings().defaultSubscription())
        .map(
            subscription ->
                new BatchAccountRef(subscription, account.getResourceGroup(), account.getName()));
  }

  private GalleryImageVersionStatus act(
      GalleryImageVersion object, GalleryImageVersionRef ref, Plan plan) {
    GalleryImageVersionStatus status = plan.status();
    for (GalleryImageVersionActions action : plan.actions()) {
      if (action instanceof CreateGallery gallery) {
        galleries.ensureGallery(ref, gallery.location(), Map.of());
      } else if (action instanceof CreateImageDefinition definition) {
        galleries.ensureImageDefinition(definition.settings());
      } else if (action instanceof CreateVersion create) {
        status.setPendingOperation(
            PendingOperations.started(
                "Create", galleries.beginCreateVersion(create.definition()), operator.clock()));
      } else if (action instanceof UpdateVersion update) {
        status.setPendingOperation(
            PendingOperations.started(
                "Update", galleries.beginUpdateVersion(update.update()), operator.clock()));
      } else if (action instanceof DeleteVersion) {
        status.setPendingOperation(
            PendingOperations.started(
                "Delete", galleries.beginDeleteVersion(ref), operator.clock()));
      } else if (action instanceof PutLock lock) {
        locks.putDeleteLock(ref.resourceId(), InUseLock.NAME, lock.notes());
      } else if (action instanceof RemoveLock) {
        locks.removeLock(ref.resourceId(), InUseLock.NAME);
      }
    }
    plan.notices().forEach(notice -> notice.recordOn(object, operator.events()));
    return status;
  }
}
