package io.poolkeeper.managedimage;

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
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ManagedImageStatus;
import io.poolkeeper.api.UsedBy;
import io.poolkeeper.azure.ImageRef;
import io.poolkeeper.azure.LockService;
import io.poolkeeper.azure.ManagedImageService;
import io.poolkeeper.azure.ManagedImageService.ManagedImageInfo;
import io.poolkeeper.azure.OperationService;
import io.poolkeeper.managedimage.ManagedImageDecision.Observation;
import io.poolkeeper.managedimage.ManagedImageDecision.Plan;
import io.poolkeeper.operator.ImageUsers;
import io.poolkeeper.operator.InUseLock;
import io.poolkeeper.operator.OperatorContext;
import io.poolkeeper.operator.PendingOperations;
import io.poolkeeper.operator.StatusUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles ManagedImage objects with Azure managed images: observe (the image, its lock, the
 * operation under way, who uses it), decide ({@link ManagedImageDecision}), act, report status.
 */
@ControllerConfiguration(name = "managedimage", finalizerName = "poolkeeper.io/managed-image")
public final class ManagedImageReconciler
    implements Reconciler<ManagedImage>, Cleaner<ManagedImage> {

  private final OperatorContext operator;
  private final ManagedImageService images;
  private final LockService locks;
  private final OperationService operations;
  private InformerEventSource<GalleryImageVersion, ManagedImage> versions;
  private InformerEventSource<BatchPool, ManagedImage> pools;

  public ManagedImageReconciler(OperatorContext operator) {
    this.operator = operator;
    this.images = operator.azure().images();
    this.locks = operator.azure().locks();
    this.operations = operator.azure().operations();
  }

  @Override
  public List<EventSource<?, ManagedImage>> prepareEventSources(
      EventSourceContext<ManagedImage> context) {
    versions =
        ImageUsers.informer(
            context,
            GalleryImageVersion.class,
            ImageUsers.BY_MANAGED_IMAGE,
            ImageUsers::managedImagesOf);
    pools =
        ImageUsers.informer(
            context, BatchPool.class, ImageUsers.BY_MANAGED_IMAGE, ImageUsers::managedImagesOf);
    return List.of(versions, pools);
  }

  @Override
  public UpdateControl<ManagedImage> reconcile(ManagedImage object, Context<ManagedImage> context) {
    Observation observed = observe(object);
    Plan plan =
        ManagedImageDecision.reconcile(
            object,
            observed,
            object.getSpec().getAzure().getLocation(),
            operator.settings().locks(),
            operator.clock().instant());
    ManagedImageStatus status = act(object, observed.ref(), plan);
    return StatusUpdates.patchIfChanged(object, status, ManagedImage::new)
        .rescheduleAfter(operator.after(plan.pace()));
  }

  @Override
  public DeleteControl cleanup(ManagedImage object, Context<ManagedImage> context) {
    Observation observed = observe(object);
    Plan plan = ManagedImageDecision.cleanup(object, observed, operator.clock().instant());
    ManagedImageStatus status = act(object, observed.ref(), plan);
    if (plan.removeFinalizer()) {
      return DeleteControl.defaultDelete();
    }
    operator.patchStatus(object, status, ManagedImage::new, context);
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(operator.after(plan.pace()).toMillis());
  }

  @Override
  public ErrorStatusUpdateControl<ManagedImage> updateErrorStatus(
      ManagedImage object, Context<ManagedImage> context, Exception failure) {
    return operator
        .errors()
        .handle(object, context, failure, ManagedImageStatus::new, ManagedImage::new);
  }

  private Observation observe(ManagedImage object) {
    ImageRef ref =
        new ImageRef(
            operator.settings().subscription(object.getSpec().getAzure().getSubscriptionId()),
            object.getSpec().getAzure().getResourceGroup(),
            ManagedImageDecision.imageName(object));
    Optional<ManagedImageInfo> image = images.get(ref);
    boolean locked = image.isPresent() && InUseLock.present(locks.listLocks(ref.resourceId()));
    List<UsedBy> users = new ArrayList<>();
    users.addAll(ImageUsers.users(versions, ImageUsers.BY_MANAGED_IMAGE, object));
    users.addAll(ImageUsers.users(pools, ImageUsers.BY_MANAGED_IMAGE, object));
    return new Observation(
        ref,
        image,
        locked,
        PendingOperations.status(operations, object.getStatus()),
        ImageUsers.sorted(users));
  }

  private ManagedImageStatus act(ManagedImage object, ImageRef ref, Plan plan) {
    ManagedImageStatus status = plan.status();
    for (ManagedImageActions action : plan.actions()) {
      if (action instanceof ManagedImageActions.CreateImage create) {
        status.setPendingOperation(
            PendingOperations.started(
                "Create", images.beginCreate(create.definition()), operator.clock()));
      } else if (action instanceof ManagedImageActions.UpdateTags update) {
        status.setPendingOperation(
            PendingOperations.started(
                "Update", images.beginUpdateTags(ref, update.tags()), operator.clock()));
      } else if (action instanceof ManagedImageActions.DeleteImage) {
        status.setPendingOperation(
            PendingOperations.started("Delete", images.beginDelete(ref), operator.clock()));
      } else if (action instanceof ManagedImageActions.PutLock lock) {
        locks.putDeleteLock(ref.resourceId(), InUseLock.NAME, lock.notes());
      } else if (action instanceof ManagedImageActions.RemoveLock) {
        locks.removeLock(ref.resourceId(), InUseLock.NAME);
      }
    }
    plan.notices().forEach(notice -> notice.recordOn(object, operator.events()));
    return status;
  }
}
