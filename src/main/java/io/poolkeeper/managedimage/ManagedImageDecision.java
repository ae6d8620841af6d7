package io.poolkeeper.managedimage;

import io.poolkeeper.api.DeletionPolicy;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ManagedImageSource;
import io.poolkeeper.api.ManagedImageSpec;
import io.poolkeeper.api.ManagedImageStatus;
import io.poolkeeper.api.UsedBy;
import io.poolkeeper.azure.ImageRef;
import io.poolkeeper.azure.ManagedImageService.DataDiskSnapshot;
import io.poolkeeper.azure.ManagedImageService.ManagedImageDefinition;
import io.poolkeeper.azure.ManagedImageService.ManagedImageInfo;
import io.poolkeeper.azure.ManagedImageService.SnapshotSource;
import io.poolkeeper.azure.ManagedImageService.Source;
import io.poolkeeper.azure.ManagedImageService.VhdSource;
import io.poolkeeper.azure.ManagedImageService.VirtualMachineSource;
import io.poolkeeper.azure.OperationService.OperationStatus;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.FailedProvisioning;
import io.poolkeeper.operator.Health;
import io.poolkeeper.operator.ImageUsers;
import io.poolkeeper.operator.InUseLock;
import io.poolkeeper.operator.Notice;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.Pace;
import io.poolkeeper.operator.PendingOperations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what to do about one ManagedImage: a pure function of the object, what Azure holds, who
 * uses the image and the time. It creates the image when missing (again if it disappeared), keeps
 * its tags, adopts an untagged image only when asked, holds a lock while the image is in use, and
 * on deletion waits for the last user, then honours deletionPolicy.
 */
final class ManagedImageDecision {

  private ManagedImageDecision() {}

  /** What Azure and the cluster hold for one image. */
  record Observation(
      ImageRef ref,
      Optional<ManagedImageInfo> image,
      boolean locked,
      Optional<OperationStatus> pendingOperation,
      List<UsedBy> users) {}

  /**
   * The decision: Azure actions in order, events, the new status (pending operation still to be
   * filled in by whoever starts one), whether the finalizer may go, and when to look again.
   */
  record Plan(
      List<ManagedImageActions> actions,
      List<Notice> notices,
      ManagedImageStatus status,
      boolean removeFinalizer,
      Pace pace) {}

  /** The object exists and is not being deleted. */
  static Plan reconcile(
      ManagedImage object, Observation observed, String location, boolean locks, Instant now) {
    List<ManagedImageActions> actions = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    ManagedImageSpec spec = object.getSpec();
    ManagedImageStatus previous = previousStatus(object);
    long generation = generationOf(object);
    boolean newGeneration = !Objects.equals(previous.getObservedGeneration(), generation);
    Map<String, String> wantedTags = OwnerTag.withOwner(spec.getTags(), object);
    Health health;
    ManagedImageInfo image = observed.image().orElse(null);
    String provisioningState = image == null ? null : image.provisioningState();
    boolean owned = false;

    if (newGeneration && spec.getSource().getSnapshots() == null) {
      notices.add(
          Notice.warning(
              "SourceNotSnapshots",
              "The image is made from "
                  + (spec.getSource().getVirtualMachineId() != null ? "a VM" : "a VHD")
                  + ", which Azure Batch scales less reliably than an image made from"
                  + " snapshots."));
    }

    if (image == null) {
      actions.add(
          new ManagedImageActions.CreateImage(definition(object, observed.ref(), location)));
      if (previous.getImageResourceId() != null) {
        notices.add(
            Notice.warning(
                "Recreating",
                "Managed image "
                    + observed.ref().name()
                    + " disappeared from Azure; creating it"
                    + " again."));
      } else {
        notices.add(
            Notice.normal(
                "Creating", "Creating managed image " + observed.ref().resourceId() + "."));
      }
      health = Health.inProgress("Creating", "Creating the managed image in Azure.");
      provisioningState = "Creating";
      owned = true;
    } else if (!ownedBy(image, object, previous)) {
      String owner = OwnerTag.ownerOf(image.tags());
      if (OwnerTag.adoptionRequested(object)) {
        actions.add(new ManagedImageActions.UpdateTags(wantedTags));
        notices.add(
            Notice.normal(
                "Adopted",
                "Took over the existing managed image "
                    + observed.ref().resourceId()
                    + (owner == null ? "" : " (it was tagged for " + owner + ")")
                    + ", as the poolkeeper.io/adopt annotation asks."));
        owned = true;
        health = sourceHealth(spec, image, provisioningState);
      } else {
        health =
            Health.stalled(
                "NotOwned",
                "A managed image named "
                    + observed.ref().name()
                    + " already exists in Azure and was not created by this object"
                    + (owner == null
                        ? " (it has no " + OwnerTag.KEY + " tag)"
                        : " (" + OwnerTag.KEY + " is " + owner + ")")
                    + ". Annotate the object with poolkeeper.io/adopt: \"true\" to take it over,"
                    + " or set spec.imageName to another name.");
      }
    } else {
      owned = true;
      health = sourceHealth(spec, image, provisioningState);
      if ("Succeeded".equalsIgnoreCase(provisioningState)
          && !health.isStalled()
          && !wantedTags.equals(image.tags())) {
        actions.add(new ManagedImageActions.UpdateTags(wantedTags));
        notices.add(
            Notice.normal("TagsUpdated", "Putting the image's Azure tags back to the spec."));
      }
    }

    Integer provisioningFailures = null;
    if ("Failed".equalsIgnoreCase(provisioningState) && owned) {
      FailedProvisioning failed =
          FailedProvisioning.judge(
              previous,
              previous.getProvisioningFailures(),
              observed.pendingOperation(),
              newGeneration,
              "the image");
      provisioningFailures = failed.failures();
      health = failed.health();
      if (failed.notice() != null) {
        notices.add(failed.notice());
      }
      if (failed.retry()) {
        actions.add(
            new ManagedImageActions.CreateImage(definition(object, observed.ref(), location)));
      }
    } else if (!"Succeeded".equalsIgnoreCase(provisioningState) && !newGeneration) {
      // Creating or updating again after a failure: the count goes on until Azure succeeds.
      provisioningFailures = previous.getProvisioningFailures();
    }

    if (owned) {
      lockActions(observed, locks, actions, notices, image != null || !actions.isEmpty());
    }

    ManagedImageStatus status = new ManagedImageStatus();
    status.setObservedGeneration(generation);
    // Only an image this object created or adopted is recorded as its own (see ownedBy).
    status.setImageResourceId(owned ? observed.ref().resourceId() : null);
    status.setProvisioningState(provisioningState);
    status.setProvisioningFailures(provisioningFailures);
    status.setUsedBy(observed.users().isEmpty() ? null : observed.users());
    status.setPendingOperation(
        PendingOperations.stillPending(previous, observed.pendingOperation()));
    status.setConditions(
        health.merge(
            previous.getConditions(), List.of(inUse(observed.users(), false)), generation, now));
    Pace pace =
        health.isStalled()
            ? Pace.STALLED
            : health.isReady() && actions.isEmpty() ? Pace.IDLE : Pace.BUSY;
    return new Plan(actions, notices, status, false, pace);
  }

  /** The object is being deleted: keep it while used, then honour deletionPolicy. */
  static Plan cleanup(ManagedImage object, Observation observed, Instant now) {
    List<ManagedImageActions> actions = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    ManagedImageStatus previous = previousStatus(object);
    long generation = generationOf(object);
    ManagedImageInfo image = observed.image().orElse(null);
    boolean owned = image != null && ownedBy(image, object, previous);
    Health health;
    boolean removeFinalizer = false;
    Pace pace = Pace.BUSY;

    if (!observed.users().isEmpty()) {
      String users = ImageUsers.describe(observed.users());
      health =
          Health.inProgress(
              "InUse", "Deletion waits until nothing uses the image; still used by " + users + ".");
      boolean sameAsBefore =
          "InUse".equals(reasonOf(previous, Conditions.READY))
              && previous.getUsedBy() != null
              && ImageUsers.describe(previous.getUsedBy()).equals(users);
      if (!sameAsBefore) {
        notices.add(
            Notice.warning(
                "DeletionBlocked",
                "The image is kept in Azure while used by "
                    + users
                    + "; it is deleted once nothing uses it."));
      }
    } else {
      if (observed.locked()) {
        actions.add(new ManagedImageActions.RemoveLock());
      }
      if (image == null) {
        removeFinalizer = true;
        health = Health.inProgress("Deleted", "The managed image is gone from Azure.");
      } else if (deletionPolicyOf(object) == DeletionPolicy.Retain) {
        removeFinalizer = true;
        notices.add(
            Notice.normal(
                "Retained",
                "Left managed image "
                    + observed.ref().resourceId()
                    + " in Azure"
                    + " (deletionPolicy Retain)."));
        health = Health.inProgress("Retained", "The managed image stays in Azure.");
      } else if (!owned) {
        removeFinalizer = true;
        notices.add(
            Notice.normal(
                "NotDeleted",
                "Left managed image "
                    + observed.ref().resourceId()
                    + " in Azure: this object"
                    + " did not create or adopt it."));
        health = Health.inProgress("NotDeleted", "The managed image stays in Azure.");
      } else {
        if (!PendingOperations.running(previous, observed.pendingOperation(), "Delete")) {
          actions.add(new ManagedImageActions.DeleteImage());
          notices.add(
              Notice.normal("Deleting", "Deleting managed image " + observed.ref().resourceId()));
        }
        health = Health.inProgress("Deleting", "Deleting the managed image in Azure.");
      }
    }
    ManagedImageStatus status = new ManagedImageStatus();
    status.setObservedGeneration(generation);
    status.setImageResourceId(previous.getImageResourceId());
    status.setProvisioningState(image == null ? null : image.provisioningState());
    status.setUsedBy(observed.users().isEmpty() ? null : observed.users());
    status.setPendingOperation(
        PendingOperations.stillPending(previous, observed.pendingOperation()));
    status.setConditions(
        health.merge(
            previous.getConditions(), List.of(inUse(observed.users(), true)), generation, now));
    return new Plan(actions, notices, status, removeFinalizer, pace);
  }

  private static boolean ownedBy(
      ManagedImageInfo image, ManagedImage object, ManagedImageStatus previous) {
    return OwnerTag.managedBy(image.tags(), object, previous.getImageResourceId() != null);
  }

  /** The image Poolkeeper wants in Azure for this object. */
  static ManagedImageDefinition definition(ManagedImage object, ImageRef ref, String location) {
    ManagedImageSpec spec = object.getSpec();
    return new ManagedImageDefinition(
        ref,
        location,
        spec.getHyperVGeneration() == null ? "V1" : spec.getHyperVGeneration().name(),
        source(spec.getSource()),
        OwnerTag.withOwner(spec.getTags(), object));
  }

  static Source source(ManagedImageSource source) {
    if (source.getSnapshots() != null) {
      ManagedImageSource.Snapshots snapshots = source.getSnapshots();
      List<DataDiskSnapshot> dataDisks =
          snapshots.getDataDisks() == null
              ? List.of()
              : snapshots.getDataDisks().stream()
                  .map(disk -> new DataDiskSnapshot(disk.getLun(), disk.getSnapshotId()))
                  .sorted(Comparator.comparingInt(DataDiskSnapshot::lun))
                  .toList();
      return new SnapshotSource(
          snapshots.getOsDisk().getSnapshotId(),
          snapshots.getOsDisk().getOsType().name(),
          snapshots.getOsDisk().getOsState() == null
              ? "Generalized"
              : snapshots.getOsDisk().getOsState().name(),
          dataDisks);
    }
    if (source.getVirtualMachineId() != null) {
      return new VirtualMachineSource(source.getVirtualMachineId());
    }
    return new VhdSource(source.getBlobUri(), source.getOsType().name());
  }

  /**
   * Azure cannot change an image's source: one made from other snapshots is Stalled. Sources Azure
   * does not report back (a VM, a VHD) are taken as they are.
   */
  private static Health sourceHealth(
      ManagedImageSpec spec, ManagedImageInfo image, String provisioningState) {
    ManagedImageSource.Snapshots snapshots = spec.getSource().getSnapshots();
    if (snapshots != null && image.osDiskSnapshotId() != null) {
      Source wanted = source(spec.getSource());
      SnapshotSource snapshotSource = (SnapshotSource) wanted;
      boolean sameOsDisk =
          snapshotSource.osDiskSnapshotId().equalsIgnoreCase(image.osDiskSnapshotId());
      boolean sameDataDisks = sameDataDisks(snapshotSource.dataDisks(), image.dataDisks());
      if (!sameOsDisk || !sameDataDisks) {
        return Health.stalled(
            "SourceDiffers",
            "The image in Azure was made from other snapshots than spec.source says (OS disk "
                + image.osDiskSnapshotId()
                + "), and Azure cannot change an image's source. Delete the Azure image, or"
                + " create a new ManagedImage with another imageName.");
      }
    }
    if ("Succeeded".equalsIgnoreCase(provisioningState)) {
      return Health.ready("Available", "The managed image is ready in Azure.");
    }
    return Health.inProgress(
        "Provisioning",
        "Azure is provisioning the image ("
            + Objects.toString(provisioningState, "unknown")
            + ").");
  }

  private static boolean sameDataDisks(List<DataDiskSnapshot> wanted, List<DataDiskSnapshot> got) {
    if (wanted.size() != got.size()) {
      return false;
    }
    List<DataDiskSnapshot> sorted =
        got.stream().sorted(Comparator.comparingInt(DataDiskSnapshot::lun)).toList();
    for (int i = 0; i < wanted.size(); i++) {
      if (wanted.get(i).lun() != sorted.get(i).lun()
          || !wanted
              .get(i)
              .snapshotId()
              .equalsIgnoreCase(Objects.toString(sorted.get(i).snapshotId(), ""))) {
        return false;
      }
    }
    return true;
  }

  private static void lockActions(
      Observation observed,
      boolean locks,
      List<ManagedImageActions> actions,
      List<Notice> notices,
      boolean imageExists) {
    boolean wanted = locks && !observed.users().isEmpty() && imageExists;
    if (wanted && !observed.locked()) {
      actions.add(new ManagedImageActions.PutLock(InUseLock.notes(observed.users())));
      notices.add(
          Notice.normal(
              "Locked",
              "Locked the image against deletion while used by "
                  + ImageUsers.describe(observed.users())
                  + "."));
    } else if (!wanted && observed.locked()) {
      actions.add(new ManagedImageActions.RemoveLock());
      notices.add(Notice.normal("Unlocked", "Removed the in-use lock: nothing uses the image."));
    }
  }

  static Conditions.Wanted inUse(List<UsedBy> users, boolean deleting) {
    if (users.isEmpty()) {
      return new Conditions.Wanted(
          Conditions.IN_USE, false, "NotInUse", "No GalleryImageVersion or BatchPool uses it.");
    }
    return new Conditions.Wanted(
        Conditions.IN_USE,
        true,
        deleting ? "DeletionBlocked" : "InUse",
        "Used by " + ImageUsers.describe(users) + ".");
  }

  private static String reasonOf(ManagedImageStatus status, String type) {
    io.poolkeeper.api.Condition condition = Conditions.find(status.getConditions(), type);
    return condition == null ? null : condition.getReason();
  }

  private static ManagedImageStatus previousStatus(ManagedImage object) {
    return object.getStatus() == null ? new ManagedImageStatus() : object.getStatus();
  }

  private static long generationOf(ManagedImage object) {
    Long generation = object.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private static DeletionPolicy deletionPolicyOf(ManagedImage object) {
    DeletionPolicy policy = object.getSpec().getDeletionPolicy();
    return policy == null ? DeletionPolicy.Delete : policy;
  }

  /** The Azure name: spec.imageName, else metadata.name. */
  static String imageName(ManagedImage object) {
    String name = object.getSpec().getImageName();
    return name != null ? name : object.getMetadata().getName();
  }
}
