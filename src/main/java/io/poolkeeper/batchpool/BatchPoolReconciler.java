package io.poolkeeper.batchpool;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingEventSource;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.BatchPoolStatus.ImageInUse;
import io.poolkeeper.api.DeletionPolicy;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionStatus.RegionReplication;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.PoolImage;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.azure.AzureException;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.azure.PoolService;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.batchpool.AccountPools.ObservedPool;
import io.poolkeeper.batchpool.BatchPoolDecision.Observation;
import io.poolkeeper.batchpool.BatchPoolDecision.Plan;
import io.poolkeeper.galleryimageversion.BatchAccountLocations;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OperatorContext;
import io.poolkeeper.operator.OperatorMetrics;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.SecretValues;
import io.poolkeeper.operator.StatusUpdates;
import io.poolkeeper.policy.CustomImageLimits;
import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import io.poolkeeper.policy.ResizeTimeouts.ImageKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reconciles BatchPool objects with Azure Batch pools: resolve the image, observe the pool (from
 * the per-account list, or a GET while it is busy), decide ({@link BatchPoolDecision}), act, report
 * status.
 */
@ControllerConfiguration(name = "batchpool", finalizerName = "poolkeeper.io/batch-pool")
public final class BatchPoolReconciler implements Reconciler<BatchPool>, Cleaner<BatchPool> {

  private final OperatorContext operator;
  private final PoolService pools;
  private final BatchAccountLocations locations;
  private PollingEventSource<ObservedPool, BatchPool, String> listed;
  private IndexerResourceCache<BatchPool> primaries;
  private PoolImages images;
  private final ImageTotals imageTotals = new ImageTotals(System::nanoTime);

  /** BatchPools by the custom image they use ({@link #imageKey}), for the sizing rules. */
  private static final String BY_IMAGE = "poolkeeper.io/pool-image";

  public BatchPoolReconciler(OperatorContext operator) {
    this.operator = operator;
    this.pools = operator.azure().pools();
    this.locations = new BatchAccountLocations(operator.azure().batchAccounts());
  }

  @Override
  public List<EventSource<?, BatchPool>> prepareEventSources(
      EventSourceContext<BatchPool> context) {
    primaries = context.getPrimaryCache();
    primaries.addIndexer(BY_IMAGE, pool -> Optional.ofNullable(imageKey(pool)).stream().toList());
    listed = AccountPools.source(pools, primaries, this::refOf, operator.settings().idlePoll());
    images = PoolImages.create(context);
    return List.of(listed, images.versions, images.images);
  }

  @Override
  public UpdateControl<BatchPool> reconcile(BatchPool object, Context<BatchPool> context) {
    PoolRef ref = refOf(object);
    ResolvedImage image = resolveImage(object, ref.account());
    Optional<PoolInfo> pool = observe(object, ref);
    Observation observed =
        new Observation(
            ref,
            image,
            pool,
            earlierOnSameImage(object),
            resolveSecrets(object, context.getClient()));
    Instant now = operator.clock().instant();
    Plan plan = BatchPoolDecision.reconcile(object, observed, now);
    BatchPoolStatus status = act(object, ref, plan);
    operator.metrics().observePool(object, status);
    UpdateControl<BatchPool> control = StatusUpdates.patchIfChanged(object, status, BatchPool::new);
    return control.rescheduleAfter(
        operator.after(plan.pace(), BatchPoolDecision.nextDeadline(status), now));
  }

  @Override
  public DeleteControl cleanup(BatchPool object, Context<BatchPool> context) {
    operator.metrics().forget(object);
    PoolRef ref = refOf(object);
    if (object.getSpec().getDeletionPolicy() == DeletionPolicy.Retain) {
      return DeleteControl.defaultDelete();
    }
    Optional<PoolInfo> pool = pools.get(ref);
    if (pool.isEmpty() || !OwnerTag.ownedBy(pool.get().settings().tags(), object)) {
      return DeleteControl.defaultDelete();
    }
    if (!"Deleting".equalsIgnoreCase(pool.get().provisioningState())) {
      pools.beginDelete(ref);
      Notice.normal("Deleting", "Deleting pool " + ref.poolId() + " in Azure.")
          .recordOn(object, operator.events());
    }
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(operator.settings().busyPoll().toMillis());
  }

  @Override
  public ErrorStatusUpdateControl<BatchPool> updateErrorStatus(
      BatchPool object, Context<BatchPool> context, Exception failure) {
    return operator.errors().handle(object, context, failure, BatchPoolStatus::new, BatchPool::new);
  }

  PoolRef refOf(BatchPool object) {
    io.poolkeeper.api.BatchAccountRef account = object.getSpec().getAccount();
    String poolId =
        object.getSpec().getPoolId() == null
            ? object.getMetadata().getName()
            : object.getSpec().getPoolId();
    return new PoolRef(
        new BatchAccountRef(
            operator.settings().subscription(account.getSubscriptionId()),
            account.getResourceGroup(),
            account.getName()),
        poolId);
  }

  /**
   * The pool from the last account list while it matches what the status last saw; otherwise (the
   * pool is busy, just written, or changed in Azure) a GET, so a decision never rests on a stale
   * list.
   */
  private Optional<PoolInfo> observe(BatchPool object, PoolRef ref) {
    Optional<PoolInfo> listedPool =
        listed.getSecondaryResources(object).stream().findFirst().map(ObservedPool::pool);
    BatchPoolStatus status = object.getStatus();
    if (listedPool.isPresent()
        && status != null
        && Objects.equals(object.getMetadata().getGeneration(), status.getObservedGeneration())
        && Conditions.isTrue(status.getConditions(), Conditions.READY)
        && matches(listedPool.get(), status)) {
      return listedPool;
    }
    return pools.get(ref);
  }

  private static boolean matches(PoolInfo pool, BatchPoolStatus status) {
    Integer dedicated = null;
    Integer lowPriority = null;
    if (pool.settings().scale() instanceof FixedScaleSettings fixed) {
      dedicated = fixed.targetDedicatedNodes();
      lowPriority = fixed.targetLowPriorityNodes();
    }
    return "Steady".equalsIgnoreCase(pool.allocationState())
        && "Steady".equalsIgnoreCase(status.getAllocationState())
        && Objects.equals(pool.currentDedicatedNodes(), status.getCurrentDedicatedNodes())
        && Objects.equals(pool.currentLowPriorityNodes(), status.getCurrentLowPriorityNodes())
        && Objects.equals(dedicated, status.getTargetDedicatedNodes())
        && Objects.equals(lowPriority, status.getTargetLowPriorityNodes());
  }

  private BatchPoolStatus act(BatchPool object, PoolRef ref, Plan plan) {
    BatchPoolStatus status = plan.status();
    plan.notices().forEach(notice -> notice.recordOn(object, operator.events()));
    for (BatchPoolDecision.Action action : plan.actions()) {
      if (action instanceof BatchPoolDecision.Create create) {
        boolean resizes = create.definition().settings().scale() instanceof FixedScaleSettings;
        PoolInfo created = countingResize(resizes, () -> pools.create(create.definition()));
        BatchPoolDecision.observe(status, created);
        if (create.definition().settings().scale() instanceof FixedScaleSettings fixed) {
          status.setLastAppliedScale(applied(fixed, created));
        }
      } else if (action instanceof BatchPoolDecision.Patch patch) {
        PoolInfo patched;
        try {
          patched = countingResize(patch.scale(), () -> pools.patch(ref, patch.patch()));
        } catch (AzureException refused) {
          if (!Rollouts.applyingRefused(status, refused)) {
            throw refused;
          }
          Notice.warning(
                  "Recreating",
                  "Azure refused to change the empty pool in place ("
                      + refused.code()
                      + ": "
                      + refused.getMessage()
                      + "); the pool is created again with the same pool id instead.")
              .recordOn(object, operator.events());
          return status;
        }
        BatchPoolDecision.observe(status, patched);
        if (patch.scale() && patch.patch().scale() instanceof FixedScaleSettings fixed) {
          status.setLastAppliedScale(applied(fixed, patched));
        }
      } else if (action instanceof BatchPoolDecision.StopResize) {
        BatchPoolDecision.observe(status, pools.stopResize(ref));
      } else if (action instanceof BatchPoolDecision.Delete) {
        // Followed by reading the pool on later reconciles: Deleting, then gone, then created.
        pools.beginDelete(ref);
      }
    }
    return status;
  }

  /** Runs a call that may send a new scale, counting it as a resize attempt when it does. */
  private PoolInfo countingResize(boolean resizes, Supplier<PoolInfo> call) {
    try {
      PoolInfo answer = call.get();
      if (resizes) {
        operator.metrics().resizeAttempt(OperatorMetrics.ACCEPTED);
      }
      return answer;
    } catch (AzureException refused) {
      if (resizes) {
        operator.metrics().resizeAttempt(refused.code());
      }
      throw refused;
    }
  }

  /** The scale sent, timed by the resizeStartTime Azure answered (what ResizeDecision compares). */
  private static BatchPoolStatus.LastAppliedScale applied(
      FixedScaleSettings fixed, PoolInfo answer) {
    BatchPoolStatus.LastAppliedScale last = new BatchPoolStatus.LastAppliedScale();
    last.setTargetDedicatedNodes(fixed.targetDedicatedNodes());
    last.setTargetLowPriorityNodes(fixed.targetLowPriorityNodes());
    last.setResizeTimeout(fixed.resizeTimeout() == null ? null : fixed.resizeTimeout().toString());
    last.setNodeDeallocationOption(
        fixed.nodeDeallocationOption() == null
            ? null
            : PoolScale.NodeDeallocationOption.valueOf(fixed.nodeDeallocationOption()));
    // A pool created at its target (no nodes) starts no resize: no time, nothing to wait for.
    if (answer.resizeStartTime() != null) {
      last.setTime(ResizeDecision.timestamp(answer.resizeStartTime().toInstant()));
    }
    return last;
  }

  /** What a person must do about a reference to an object that does not exist. */
  static String missingReference(String kind, String name, String namespace, String field) {
    return kind
        + " "
        + name
        + " does not exist in namespace "
        + namespace
        + ": create it there, or name one that exists in "
        + field
        + " (a reference reaches only the pool's own namespace). The pool is made as soon as it"
        + " is usable.";
  }

  private ResolvedImage resolveImage(BatchPool object, BatchAccountRef account) {
    PoolImage image = object.getSpec().getImage();
    String namespace = object.getMetadata().getNamespace();
    if (image.getGalleryImageVersionRef() != null) {
      String name = image.getGalleryImageVersionRef().getName();
      GalleryImageVersion version = images.version(namespace, name).orElse(null);
      String os = version == null ? null : PoolImages.osOf(version);
      if (version == null) {
        return ResolvedImage.missing(
            ImageKind.GALLERY,
            "GalleryImageVersion " + name + " to exist",
            missingReference(
                "GalleryImageVersion", name, namespace, "spec.image.galleryImageVersionRef"));
      }
      // Usable means made and replicated to the pool's region, not Ready: a version replicating
      // again for a new replica count, or stalled on another region, still serves this one.
      if (version.getStatus() == null || version.getStatus().getImageVersionResourceId() == null) {
        return ResolvedImage.waiting(
            ImageKind.GALLERY, os, "GalleryImageVersion " + name + " to be Ready", null);
      }
      Optional<String> region = locations.locationOf(account);
      if (region.isEmpty()) {
        return ResolvedImage.waiting(
            ImageKind.GALLERY, os, "Batch account " + account.resourceId() + " to exist", null);
      }
      if (!PoolImages.usableRegions(version).contains(region.get().toLowerCase(Locale.ROOT))) {
        return ResolvedImage.waiting(
            ImageKind.GALLERY,
            os,
            "GalleryImageVersion "
                + name
                + " to be replicated to "
                + region.get()
                + ", the Batch account's region (replicated to: "
                + regions(version.getStatus().getReplication())
                + ")",
            null);
      }
      return new ResolvedImage(
          ImageReference.ofId(version.getStatus().getImageVersionResourceId()),
          ImageKind.GALLERY,
          os,
          null,
          null);
    }
    if (image.getManagedImageRef() != null) {
      String name = image.getManagedImageRef().getName();
      ManagedImage managed = images.managedImage(namespace, name).orElse(null);
      if (managed == null) {
        return ResolvedImage.missing(
            ImageKind.MANAGED,
            "ManagedImage " + name + " to exist",
            missingReference("ManagedImage", name, namespace, "spec.image.managedImageRef")
                + " "
                + ResolvedImage.MANAGED_IMAGE_RETIREMENT);
      }
      String os = PoolImages.osOf(managed);
      if (managed.getStatus() == null
          || !Conditions.isTrue(managed.getStatus().getConditions(), Conditions.READY)
          || managed.getStatus().getImageResourceId() == null) {
        return ResolvedImage.waiting(
            ImageKind.MANAGED,
            os,
            "ManagedImage " + name + " to be Ready",
            ResolvedImage.MANAGED_IMAGE_RETIREMENT);
      }
      return new ResolvedImage(
          ImageReference.ofId(managed.getStatus().getImageResourceId()),
          ImageKind.MANAGED,
          os,
          null,
          ResolvedImage.MANAGED_IMAGE_RETIREMENT);
    }
    if (image.getId() != null) {
      boolean gallery = image.getId().toLowerCase(Locale.ROOT).contains("/galleries/");
      return new ResolvedImage(
          ImageReference.ofId(image.getId()),
          gallery ? ImageKind.GALLERY : ImageKind.MANAGED,
          null,
          null,
          gallery ? null : ResolvedImage.MANAGED_IMAGE_RETIREMENT);
    }
    PoolImage.MarketplaceImage market = image.getMarketplace();
    return new ResolvedImage(
        ImageReference.marketplace(
            market.getPublisher(), market.getOffer(), market.getSku(), market.getVersion()),
        ImageKind.MARKETPLACE,
        null,
        null,
        null);
  }

  /**
   * The Secret keys the spec names, read afresh on every reconcile (one get per Secret), so a
   * changed Secret is sent to Azure at the next poll.
   */
  private static SecretValues.Resolved resolveSecrets(BatchPool object, KubernetesClient client) {
    List<SecretValues.Reference> references =
        PoolSettingsMapper.secretReferences(object.getSpec()).stream()
            .map(PoolSettingsMapper.SecretUse::reference)
            .distinct()
            .toList();
    if (references.isEmpty()) {
      return SecretValues.Resolved.NONE;
    }
    return new SecretValues(client).resolve(object.getMetadata().getNamespace(), references);
  }

  private static String regions(List<RegionReplication> replication) {
    if (replication == null || replication.isEmpty()) {
      return "none yet";
    }
    return String.join(
        ", ",
        replication.stream()
            .filter(replica -> "Completed".equalsIgnoreCase(replica.getState()))
            .map(RegionReplication::getRegion)
            .toList());
  }

  /**
   * The fixed targets of the BatchPools on the same image created before this one: the earlier
   * pools keep their capacity, the later one is refused.
   */
  private List<PoolTargets> earlierOnSameImage(BatchPool object) {
    String image = imageKey(object);
    if (image == null) {
      return List.of();
    }
    // Fleets are mostly far below the limits: when all of the image's pools fit together, none can
    // be refused, and listing (let alone ordering) thousands of pools on every reconcile is waste.
    if (imageTotals.surelyFit(
        image,
        object.getMetadata().getUid(),
        BatchPoolDecision.targets(object),
        () ->
            sharing(image).stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        pool -> pool.getMetadata().getUid(), BatchPoolDecision::targets)))) {
      return List.of();
    }
    List<BatchPool> sharing = sharing(image);
    if (CustomImageLimits.fitTogether(sharing.stream().map(BatchPoolDecision::targets).toList())) {
      return List.of();
    }
    Comparator<BatchPool> order =
        Comparator.comparing((BatchPool pool) -> pool.getMetadata().getCreationTimestamp())
            .thenComparing(pool -> pool.getMetadata().getName());
    return sharing.stream()
        .filter(other -> !other.getMetadata().getUid().equals(object.getMetadata().getUid()))
        .filter(other -> order.compare(other, object) < 0)
        .sorted(order)
        .map(BatchPoolDecision::targets)
        .toList();
  }

  /** The BatchPools on one custom image that are not being deleted. */
  private List<BatchPool> sharing(String image) {
    return primaries.byIndex(BY_IMAGE, image).stream()
        .filter(other -> other.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  /** Which custom image a pool uses, comparable across pools; {@code null} for Marketplace. */
  private static String imageKey(BatchPool pool) {
    ImageInUse object = BatchPoolDecision.imageRefOf(pool);
    if (object != null) {
      return object.getKind() + "/" + pool.getMetadata().getNamespace() + "/" + object.getName();
    }
    String id = pool.getSpec().getImage().getId();
    return id == null ? null : "id/" + id.toLowerCase(Locale.ROOT);
  }
}
