package io.poolkeeper.galleryimageversion;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.DeletionPolicy;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionSpec;
import io.poolkeeper.api.GalleryImageVersionStatus;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ManagedImageStatus;
import io.poolkeeper.api.UsedBy;
import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService.ImageDefinitionInfo;
import io.poolkeeper.azure.GalleryService.ImageVersionDefinition;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import io.poolkeeper.azure.OperationService.OperationStatus;
import io.poolkeeper.azure.Regions;
import io.poolkeeper.galleryimageversion.VersionChanges.Change;
import io.poolkeeper.galleryimageversion.VersionChanges.Wanted;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.FailedProvisioning;
import io.poolkeeper.operator.Health;
import io.poolkeeper.operator.ImageUsers;
import io.poolkeeper.operator.InUseLock;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.Pace;
import io.poolkeeper.operator.PendingOperations;
import io.poolkeeper.policy.ReplicaPolicy;
import io.poolkeeper.policy.ReplicaPolicy.PoolDemand;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what to do about one GalleryImageVersion: a pure function of the object, what Azure
 * holds, the ManagedImage it is made from, the BatchPools that use it (with their accounts'
 * regions) and the time. It creates the gallery and image definition when missing (never deletes
 * them), creates the version once its source is ready, keeps replica counts, regions,
 * excludeFromLatest, endOfLifeDate and tags as wanted with one PATCH, adopts an untagged version
 * only when asked, holds a lock while pools use the version, and on deletion waits for the last
 * pool, then honours deletionPolicy.
 */
final class GalleryImageVersionDecision {

  static final String IMAGE_NOT_READY = "ImageNotReady";

  /** The ManagedImage the version is made from does not exist in its namespace. */
  static final String IMAGE_MISSING = "ImageMissing";

  private GalleryImageVersionDecision() {}

  /**
   * What Azure and the cluster hold for one version.
   *
   * @param version the version with its replication status, or empty
   * @param definition the image definition, read only while the version is missing or not this
   *     object's; empty otherwise
   * @param galleryState the gallery's provisioning state, read only while the definition is
   *     missing; empty otherwise
   * @param sourceImage the ManagedImage that spec.source.managedImageRef names, if it exists
   * @param pools the BatchPools that name this version
   * @param poolRegions the region of each pool's Batch account by pool name; a pool whose account
   *     Azure does not know is absent
   */
  record Observation(
      GalleryImageVersionRef ref,
      Optional<ImageVersionInfo> version,
      Optional<ImageDefinitionInfo> definition,
      Optional<String> galleryState,
      boolean locked,
      Optional<OperationStatus> pendingOperation,
      Optional<ManagedImage> sourceImage,
      List<BatchPool> pools,
      Map<String, String> poolRegions) {

    /** The pools, as status lists users. */
    List<UsedBy> users() {
      return pools.stream()
          .map(
              pool ->
                  new UsedBy(HasMetadata.getKind(BatchPool.class), pool.getMetadata().getName()))
          .toList();
    }
  }

  /**
   * The decision: Azure actions in order, events, the new status (a pending operation still to be
   * filled in by whoever starts one), whether the finalizer may go, and when to look again.
   */
  record Plan(
      List<GalleryImageVersionActions> actions,
      List<Notice> notices,
      GalleryImageVersionStatus status,
      boolean removeFinalizer,
      Pace pace) {}

  /** The object exists and is not being deleted. */
  static Plan reconcile(
      GalleryImageVersion object, Observation observed, boolean locks, Instant now) {
    List<GalleryImageVersionActions> actions = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    GalleryImageVersionStatus previous = previousStatus(object);
    List<PoolDemand> demand = demand(observed);
    Wanted wanted = wanted(object, demand);
    ImageVersionInfo version = observed.version().orElse(null);
    boolean ours = version != null && ownedBy(version, object);
    Optional<Change> change =
        version == null
            ? Optional.empty()
            : VersionChanges.between(observed.ref(), version, wanted);

    // The gallery and definition matter until the version is this object's.
    Health health = ours ? null : ImageDefinitions.health(object, observed, actions, notices);
    boolean owned = ours;
    boolean creating = false;
    if (health == null) {
      if (version == null) {
        health = create(object, observed, wanted, actions, notices, previous);
        creating = !actions.isEmpty();
      } else if (!ours && !OwnerTag.adoptionRequested(object)) {
        health = notOwned(observed.ref(), version);
      } else {
        owned = true;
        health = existing(object, observed, version, wanted, change, ours, actions, notices);
      }
    }
    if (owned && version != null) {
      lockActions(observed, locks, actions, notices);
    }
    if (health.isStalled() && !stalledBefore(previous, health.reason())) {
      notices.add(Notice.warning(health.reason(), health.message()));
    }

    GalleryImageVersionStatus status =
        VersionStatus.of(
            previous,
            generationOf(object),
            observed,
            wanted,
            demand,
            creating ? "Creating" : version == null ? null : version.provisioningState(),
            owned || creating);
    status.setProvisioningFailures(provisioningFailures(object, observed, version, previous));
    status.setConditions(
        health.merge(
            previous.getConditions(),
            List.of(
                VersionStatus.inUse(observed.users(), false),
                VersionStatus.replicated(
                    version, wanted, change.isPresent(), outside(object, observed, demand))),
            generationOf(object),
            now));
    Pace pace;
    if (health.isStalled()) {
      pace = Pace.STALLED;
    } else if ((health.isReady() && actions.isEmpty()) || IMAGE_NOT_READY.equals(health.reason())) {
      // A ManagedImage that becomes Ready wakes its versions through the informer.
      pace = Pace.IDLE;
    } else {
      pace = Pace.BUSY;
    }
    return new Plan(actions, notices, status, false, pace);
  }

  /** The object is being deleted: keep the version while pools use it, then honour the policy. */
  static Plan cleanup(GalleryImageVersion object, Observation observed, Instant now) {
    List<GalleryImageVersionActions> actions = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    GalleryImageVersionStatus previous = previousStatus(object);
    ImageVersionInfo version = observed.version().orElse(null);
    boolean owned = version != null && ownedBy(version, object);
    List<UsedBy> users = observed.users();
    List<PoolDemand> demand = demand(observed);
    Wanted wanted = wanted(object, demand);
    Health health;
    boolean removeFinalizer = false;

    if (!users.isEmpty()) {
      String names = ImageUsers.describe(users);
      health =
          Health.inProgress(
              "InUse",
              "Deletion waits until nothing uses the version; still used by " + names + ".");
      boolean sameAsBefore =
          "InUse".equals(reasonOf(previous, Conditions.READY))
              && previous.getUsedBy() != null
              && ImageUsers.describe(previous.getUsedBy()).equals(names);
      if (!sameAsBefore) {
        notices.add(
            Notice.warning(
                "DeletionBlocked",
                "The image version is kept in Azure while used by "
                    + names
                    + "; it is deleted once nothing uses it."));
      }
    } else {
      if (observed.locked()) {
        actions.add(new GalleryImageVersionActions.RemoveLock());
      }
      String id = observed.ref().resourceId();
      if (version == null) {
        removeFinalizer = true;
        health = Health.inProgress("Deleted", "The image version is gone from Azure.");
      } else if (deletionPolicyOf(object) == DeletionPolicy.Retain) {
        removeFinalizer = true;
        notices.add(
            Notice.normal(
                "Retained", "Left image version " + id + " in Azure (deletionPolicy Retain)."));
        health = Health.inProgress("Retained", "The image version stays in Azure.");
      } else if (!owned) {
        removeFinalizer = true;
        notices.add(
            Notice.normal(
                "NotDeleted",
                "Left image version " + id + " in Azure: this object did not create or adopt it."));
        health = Health.inProgress("NotDeleted", "The image version stays in Azure.");
      } else {
        if (!PendingOperations.running(previous, observed.pendingOperation(), "Delete")) {
          actions.add(new GalleryImageVersionActions.DeleteVersion());
          notices.add(
              Notice.normal(
                  "Deleting",
                  "Deleting image version " + id + " (never its gallery or image definition)."));
        }
        health = Health.inProgress("Deleting", "Deleting the image version in Azure.");
      }
    }
    GalleryImageVersionStatus status =
        VersionStatus.of(
            previous,
            generationOf(object),
            observed,
            wanted,
            demand,
            version == null ? null : version.provisioningState(),
            owned);
    Optional<Change> change =
        version == null
            ? Optional.empty()
            : VersionChanges.between(observed.ref(), version, wanted);
    status.setConditions(
        health.merge(
            previous.getConditions(),
            List.of(
                VersionStatus.inUse(users, true),
                VersionStatus.replicated(version, wanted, change.isPresent(), List.of())),
            generationOf(object),
            now));
    // While pools use the version, the last one's removal wakes it through the informer.
    Pace pace = users.isEmpty() ? Pace.BUSY : Pace.IDLE;
    return new Plan(actions, notices, status, removeFinalizer, pace);
  }

  /**
   * Failed creates or updates in a row ({@link FailedProvisioning}): counted while Azure shows the
   * version Failed, kept while it is provisioned again, forgotten once it succeeds or the spec
   * changes.
   */
  private static Integer provisioningFailures(
      GalleryImageVersion object,
      Observation observed,
      ImageVersionInfo version,
      GalleryImageVersionStatus previous) {
    boolean newGeneration = !Objects.equals(previous.getObservedGeneration(), generationOf(object));
    if (version == null || "Succeeded".equalsIgnoreCase(version.provisioningState())) {
      return null;
    }
    if ("Failed".equalsIgnoreCase(version.provisioningState())) {
      return FailedProvisioning.judge(
              previous,
              previous.getProvisioningFailures(),
              observed.pendingOperation(),
              newGeneration,
              "the version")
          .failures();
    }
    return newGeneration ? null : previous.getProvisioningFailures();
  }

  /** Creates the version once its source is known; until then it waits for the ManagedImage. */
  private static Health create(
      GalleryImageVersion object,
      Observation observed,
      Wanted wanted,
      List<GalleryImageVersionActions> actions,
      List<Notice> notices,
      GalleryImageVersionStatus previous) {
    SourceImage source = source(object, observed.sourceImage());
    if (source.missing()) {
      // As for BatchPools: missing at two looks in a row needs a person; at the first the image
      // may not be in the cache yet (applied together), and its informer wakes the version.
      return Conditions.hasReason(previous.getConditions(), Conditions.READY, IMAGE_MISSING)
          ? Health.stalled(IMAGE_MISSING, source.waitingFor())
          : Health.inProgress(IMAGE_MISSING, source.waitingFor());
    }
    if (source.id() == null) {
      return Health.inProgress(IMAGE_NOT_READY, source.waitingFor());
    }
    GalleryImageVersionRef ref = observed.ref();
    actions.add(
        new GalleryImageVersionActions.CreateVersion(
            new ImageVersionDefinition(
                ref,
                object.getSpec().getAzure().getLocation(),
                source.id(),
                wanted.targets(),
                wanted.excludeFromLatest(),
                wanted.endOfLifeDate(),
                wanted.tags())));
    if (previous.getImageVersionResourceId() != null) {
      notices.add(
          Notice.warning(
              "Recreating",
              "Image version " + ref.resourceId() + " disappeared from Azure; creating it again."));
    } else {
      notices.add(
          Notice.normal(
              "Creating",
              "Creating image version "
                  + ref.resourceId()
                  + " from "
                  + source.id()
                  + ", replicated to "
                  + VersionStatus.describeTargets(wanted.targets())
                  + "."));
    }
    return Health.inProgress("Creating", "Creating the image version in Azure.");
  }

  private static Health notOwned(GalleryImageVersionRef ref, ImageVersionInfo version) {
    String owner = OwnerTag.ownerOf(version.tags());
    return Health.stalled(
        "NotOwned",
        "Image version "
            + ref.version()
            + " of "
            + ref.imageDefinition()
            + " already exists in Azure and was not created by this object"
            + (owner == null
                ? " (it has no " + OwnerTag.KEY + " tag)"
                : " (" + OwnerTag.KEY + " is " + owner + ")")
            + ". Annotate the object with poolkeeper.io/adopt: \"true\" to take it over, or publish"
            + " another version.");
  }

  /** A version this object owns (or adopts): keep it as wanted, report replication. */
  private static Health existing(
      GalleryImageVersion object,
      Observation observed,
      ImageVersionInfo version,
      Wanted wanted,
      Optional<Change> change,
      boolean ours,
      List<GalleryImageVersionActions> actions,
      List<Notice> notices) {
    String id = observed.ref().resourceId();
    String state = version.provisioningState();
    SourceImage source = source(object, observed.sourceImage());
    if (source.id() != null
        && version.sourceImageId() != null
        && !source.id().equalsIgnoreCase(version.sourceImageId())) {
      return Health.stalled(
          "SourceDiffers",
          "The version in Azure was made from "
              + version.sourceImageId()
              + ", not from "
              + source.id()
              + ", and Azure cannot change a version's source. Publish another version.");
    }
    if ("Failed".equalsIgnoreCase(state)) {
      GalleryImageVersionStatus previous = previousStatus(object);
      FailedProvisioning failed =
          FailedProvisioning.judge(
              previous,
              previous.getProvisioningFailures(),
              observed.pendingOperation(),
              !Objects.equals(previous.getObservedGeneration(), generationOf(object)),
              "the version");
      // Once Stalled, the notice of every newly Stalled version (in reconcile) tells it.
      if (failed.notice() != null && failed.retry()) {
        notices.add(failed.notice());
      }
      if (failed.retry() && source.id() != null) {
        actions.add(
            new GalleryImageVersionActions.CreateVersion(
                new ImageVersionDefinition(
                    observed.ref(),
                    object.getSpec().getAzure().getLocation(),
                    source.id(),
                    wanted.targets(),
                    wanted.excludeFromLatest(),
                    wanted.endOfLifeDate(),
                    wanted.tags())));
      }
      return failed.health();
    }
    boolean running = observed.pendingOperation().map(s -> !s.state().done()).orElse(false);
    if (change.isPresent() && "Succeeded".equalsIgnoreCase(state) && !running) {
      actions.add(new GalleryImageVersionActions.UpdateVersion(change.get().update()));
      String changes = String.join("; ", change.get().descriptions());
      if (!ours) {
        String owner = OwnerTag.ownerOf(version.tags());
        notices.add(
            Notice.normal(
                "Adopted",
                "Took over the existing image version "
                    + id
                    + (owner == null ? "" : " (it was tagged for " + owner + ")")
                    + ", as the poolkeeper.io/adopt annotation asks."));
      }
      notices.add(Notice.normal("Updating", "Updating image version " + id + ": " + changes + "."));
      return Health.inProgress("Updating", "Updating the version in Azure: " + changes + ".");
    }
    if (!"Succeeded".equalsIgnoreCase(state) || change.isPresent()) {
      return Health.inProgress(
          "Provisioning",
          "Azure is provisioning the version ("
              + Objects.toString(state, "unknown")
              + "): "
              + VersionStatus.describeReplication(version, wanted.targets())
              + ".");
    }
    List<String> failed =
        wanted.targets().stream()
            .filter(t -> "Failed".equalsIgnoreCase(VersionStatus.stateIn(version, t.region())))
            .map(ReplicaTarget::region)
            .toList();
    if (!failed.isEmpty()) {
      return Health.stalled(
          "ReplicationFailed",
          "Replication to "
              + String.join(", ", failed)
              + " failed in Azure. Remove the region from targetRegions, or delete and re-create"
              + " this GalleryImageVersion.");
    }
    if (!VersionStatus.replicatedEverywhere(version, wanted.targets())) {
      return Health.inProgress(
          "Replicating",
          "Replicating: " + VersionStatus.describeReplication(version, wanted.targets()) + ".");
    }
    return Health.ready(
        "Available",
        "The image version is replicated to "
            + VersionStatus.describeTargets(wanted.targets())
            + ".");
  }

  private static void lockActions(
      Observation observed,
      boolean locks,
      List<GalleryImageVersionActions> actions,
      List<Notice> notices) {
    boolean wanted = locks && !observed.pools().isEmpty();
    if (wanted && !observed.locked()) {
      actions.add(new GalleryImageVersionActions.PutLock(InUseLock.notes(observed.users())));
      notices.add(
          Notice.normal(
              "Locked",
              "Locked the image version against deletion while used by "
                  + ImageUsers.describe(observed.users())
                  + "."));
    } else if (!wanted && observed.locked()) {
      actions.add(new GalleryImageVersionActions.RemoveLock());
      notices.add(
          Notice.normal("Unlocked", "Removed the in-use lock: nothing uses the image version."));
    }
  }

  /**
   * The ManagedImage to make the version from, or what the version waits for.
   *
   * @param missing whether the ManagedImage named does not exist in the version's namespace: that
   *     needs a person, and the informer wakes the version once it exists
   */
  record SourceImage(String id, String waitingFor, boolean missing) {}

  static SourceImage source(GalleryImageVersion object, Optional<ManagedImage> image) {
    GalleryImageVersionSpec.Source source = object.getSpec().getSource();
    if (source.getManagedImageId() != null) {
      return new SourceImage(source.getManagedImageId(), null, false);
    }
    String name = source.getManagedImageRef().getName();
    if (image.isEmpty()) {
      return new SourceImage(
          null,
          "ManagedImage "
              + name
              + " does not exist in namespace "
              + object.getMetadata().getNamespace()
              + ": create it there, or name one that exists in spec.source.managedImageRef (a"
              + " reference reaches only the version's own namespace). The version is made as"
              + " soon as the image is Ready.",
          true);
    }
    ManagedImageStatus status = image.get().getStatus();
    if (status != null
        && Conditions.isTrue(status.getConditions(), Conditions.READY)
        && status.getImageResourceId() != null) {
      return new SourceImage(status.getImageResourceId(), null, false);
    }
    Condition ready =
        status == null ? null : Conditions.find(status.getConditions(), Conditions.READY);
    return new SourceImage(
        null,
        "Waiting for ManagedImage "
            + name
            + " to be Ready"
            + (ready == null || ready.getMessage() == null
                ? "."
                : "; it reports: " + ready.getMessage()),
        false);
  }

  /** What every pool that names the version asks of it. */
  private static List<PoolDemand> demand(Observation observed) {
    return observed.pools().stream()
        .map(
            pool ->
                new PoolDemand(
                    pool.getMetadata().getName(),
                    observed.poolRegions().get(pool.getMetadata().getName()),
                    ReplicaPolicy.nodesOf(pool)))
        .toList();
  }

  /** The version wanted in Azure: the spec, with replica counts from the policy. */
  static Wanted wanted(GalleryImageVersion object, List<PoolDemand> demand) {
    GalleryImageVersionSpec spec = object.getSpec();
    Map<String, Integer> counts = ReplicaPolicy.replicaCounts(spec, demand);
    List<ReplicaTarget> targets =
        spec.getTargetRegions().stream()
            .map(
                target ->
                    new ReplicaTarget(
                        target.getName(),
                        counts.get(Regions.programmaticName(target.getName())),
                        target.getStorageAccountType() == null
                            ? VersionChanges.DEFAULT_STORAGE
                            : target.getStorageAccountType().name()))
            .toList();
    return new Wanted(
        targets,
        Boolean.TRUE.equals(spec.getExcludeFromLatest()),
        spec.getEndOfLifeDate() == null ? null : OffsetDateTime.parse(spec.getEndOfLifeDate()),
        OwnerTag.withOwner(spec.getTags(), object));
  }

  /** Sentences about pools that add no replicas: outside the targets, or of an unknown account. */
  private static List<String> outside(
      GalleryImageVersion object, Observation observed, List<PoolDemand> demand) {
    List<String> sentences = new ArrayList<>();
    for (PoolDemand pool : ReplicaPolicy.outsideTargets(object.getSpec(), demand)) {
      sentences.add(
          "BatchPool "
              + pool.pool()
              + " runs in "
              + pool.region()
              + ", which is not among targetRegions: add the region, or the pool cannot use this"
              + " version.");
    }
    for (PoolDemand pool : demand) {
      if (pool.region() == null) {
        sentences.add(
            "The Batch account of BatchPool "
                + pool.pool()
                + " was not found in Azure, so its nodes add no replicas.");
      }
    }
    return sentences;
  }

  private static boolean stalledBefore(GalleryImageVersionStatus previous, String reason) {
    Condition stalled = Conditions.find(previous.getConditions(), Conditions.STALLED);
    return stalled != null
        && "True".equals(stalled.getStatus())
        && reason.equals(stalled.getReason());
  }

  private static String reasonOf(GalleryImageVersionStatus status, String type) {
    Condition condition = Conditions.find(status.getConditions(), type);
    return condition == null ? null : condition.getReason();
  }

  /** Whether the version is this object's to manage ({@link OwnerTag#managedBy}). */
  static boolean ownedBy(ImageVersionInfo version, GalleryImageVersion object) {
    return OwnerTag.managedBy(
        version.tags(), object, previousStatus(object).getImageVersionResourceId() != null);
  }

  private static GalleryImageVersionStatus previousStatus(GalleryImageVersion object) {
    return object.getStatus() == null ? new GalleryImageVersionStatus() : object.getStatus();
  }

  private static long generationOf(GalleryImageVersion object) {
    Long generation = object.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private static DeletionPolicy deletionPolicyOf(GalleryImageVersion object) {
    DeletionPolicy policy = object.getSpec().getDeletionPolicy();
    return policy == null ? DeletionPolicy.Delete : policy;
  }

  /** The version's place in Azure; the subscription is the object's or the operator's default. */
  static GalleryImageVersionRef ref(GalleryImageVersion object, String subscription) {
    GalleryImageVersionSpec spec = object.getSpec();
    return new GalleryImageVersionRef(
        subscription,
        spec.getAzure().getResourceGroup(),
        spec.getGallery(),
        spec.getImageDefinition().getName(),
        spec.getVersion());
  }
}
