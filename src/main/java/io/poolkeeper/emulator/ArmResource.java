package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A resource the emulator holds: its ID, its stored document (everything but {@code id}, {@code
 * name}, {@code type} and the computed state) and its lifecycle on the emulator clock. Provisioning
 * and deletion are not driven by timers: their state is read off the clock whenever it is asked
 * for.
 */
class ArmResource {

  private final ResourceId id;
  private ObjectNode document;
  private ObjectNode documentWhileCreating;
  private String pendingState;
  private Instant pendingUntil;
  private ArmException provisioningFailure;
  private Instant deletionStartedAt;
  private Instant deletionCompletesAt;

  ArmResource(ResourceId id, ObjectNode document) {
    this.id = id;
    this.document = document;
  }

  ResourceId id() {
    return id;
  }

  String type() {
    return id.type();
  }

  /** The stored document; callers may change it in place. */
  ObjectNode document() {
    return document;
  }

  void replaceDocument(ObjectNode document) {
    this.document = document;
    this.documentWhileCreating = null;
  }

  /**
   * Starts a provisioning phase ({@code Creating} or {@code Updating}) that ends at {@code until},
   * in failure if {@code failure} is given. While creating, {@code documentWhileCreating} (if any)
   * is shown instead of the document, because Azure fills in derived fields only once done.
   */
  void beginProvisioning(
      String state, Instant until, ObjectNode documentWhileCreating, ArmException failure) {
    this.pendingState = state;
    this.pendingUntil = until;
    this.documentWhileCreating = documentWhileCreating;
    this.provisioningFailure = failure;
  }

  boolean isProvisioning(Instant now) {
    return pendingState != null && now.isBefore(pendingUntil);
  }

  /** When the current (or last) provisioning phase ends; {@code null} if there never was one. */
  Instant provisioningEnds() {
    return pendingUntil;
  }

  ArmException provisioningFailure() {
    return provisioningFailure;
  }

  /** The document to show at {@code now}: the creating view while creation is in progress. */
  ObjectNode visibleDocument(Instant now) {
    if (documentWhileCreating != null && isProvisioning(now)) {
      return documentWhileCreating;
    }
    return document;
  }

  /** Succeeded, Failed, Creating, Updating or Deleting. */
  String provisioningState(Instant now) {
    if (isDeleting()) {
      return "Deleting";
    }
    if (isProvisioning(now)) {
      return pendingState;
    }
    return provisioningFailure == null ? "Succeeded" : "Failed";
  }

  void beginDeletion(Instant now, Instant completesAt) {
    this.deletionStartedAt = now;
    this.deletionCompletesAt = completesAt;
  }

  boolean isDeleting() {
    return deletionStartedAt != null;
  }

  Instant deletionStartedAt() {
    return deletionStartedAt;
  }

  boolean deletionCompleteAt(Instant now) {
    return deletionCompletesAt != null && !now.isBefore(deletionCompletesAt);
  }

  /** Usable by other resources: present, not being deleted and not failed. */
  boolean isUsable() {
    return !isDeleting() && provisioningFailure == null;
  }

  String location() {
    return EmulatorJson.text(document, "location");
  }
}
