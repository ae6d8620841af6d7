package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A resource the emulator holds: its ID, its stored document (everything but {@code id}, {@code
 * name}, {@code type} and the computed state) and its lifecycle on the emulator clock. Provisioning
 * and deletion are not driven by timers: their state is read off the clock whenever it is asked
 * for.
 */
public class ArmResource {

  private final ResourceId id;
  private ObjectNode document;
  private ObjectNode documentWhileCreating;
  private String pendingState;
  private Instant pendingUntil;
  private ArmException provisioningFailure;
  private Instant deletionStartedAt;
  private Instant deletionCompletesAt;

  public ArmResource(ResourceId id, ObjectNode document) {
    this.id = id;
    this.document = document;
  }

  public ResourceId id() {
    return id;
  }

  String type() {
    return id.type();
  }

  /** The stored document; callers may change it in place. */
  public ObjectNode document() {
    return document;
  }

  public void replaceDocument(ObjectNode document) {
    this.document = document;
    this.documentWhileCreating = null;
  }

  /**
   * Starts a provisioning phase ({@code Creating} or {@code Updating}) that ends at {@code until},
   * in failure if {@code failure} is given. While creating, {@code documentWhileCreating} (if any)
   * is shown instead of the document, because Azure fills in derived fields only once done.
   */
  public void beginProvisioning(
      String state, Instant until, ObjectNode documentWhileCreating, ArmException failure) {
    this.pendingState = state;
    this.pendingUntil = until;
    this.documentWhileCreating = documentWhileCreating;
    this.provisioningFailure = failure;
  }

  public boolean isProvisioning(Instant now) {
    return pendingState != null && now.isBefore(pendingUntil);
  }

  /** When the current (or last) provisioning phase ends; {@code null} if there never was one. */
  public Instant provisioningEnds() {
    return pendingUntil;
  }

  public ArmException provisioningFailure() {
    return provisioningFailure;
  }

  /** The document to show at {@code now}: the creating view while creation is in progress. */
  public ObjectNode visibleDocument(Instant now) {
    if (documentWhileCreating != null && isProvisioning(now)) {
      return documentWhileCreating;
    }
    return document;
  }

  /** Succeeded, Failed, Creating, Updating or Deleting. */
  public String provisioningState(Instant now) {
    if (isDeleting()) {
      return "Deleting";
    }
    if (isProvisioning(now)) {
      return pendingState;
    }
    return provisioningFailure == null ? "Succeeded" : "Failed";
  }

  public void beginDeletion(Instant now, Instant completesAt) {
    this.deletionStartedAt = now;
    this.deletionCompletesAt = completesAt;
  }

  public boolean isDeleting() {
    return deletionStartedAt != null;
  }

  public Instant deletionStartedAt() {
    return deletionStartedAt;
  }

  boolean deletionCompleteAt(Instant now) {
    return deletionCompletesAt != null && !now.isBefore(deletionCompletesAt);
  }

  /** Usable by other resources: present, not being deleted and not failed. */
  public boolean isUsable() {
    return !isDeleting() && provisioningFailure == null;
  }

  /**
   * Moves time-based state other than provisioning and deletion along to {@code now}; nothing for
   * most resources. Protected because such state belongs to a provider (a Batch pool's resize),
   * which overrides it, while the core decides when it runs ({@link EmulatorState#settle}).
   */
  protected void settle(Instant now, EmulatorState state) {}

  public String location() {
    return EmulatorJson.text(document, "location");
  }
}
