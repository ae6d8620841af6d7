package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A Batch pool: the properties its owner set (the stored document's {@code properties}), its ETag
 * and timestamps, and its {@link PoolAllocation} on the clock.
 */
final class PoolResource extends ArmResource {

  private String etag;
  private final Instant creationTime;
  private Instant lastModified;
  private PoolAllocation allocation;

  PoolResource(ResourceId id, ObjectNode document, Instant now, String etag) {
    super(id, document);
    this.etag = etag;
    this.creationTime = now;
    this.lastModified = now;
    this.allocation = PoolAllocation.steady(now);
  }

  ObjectNode properties() {
    return EmulatorJson.objectAt(document(), "properties");
  }

  String etag() {
    return etag;
  }

  Instant creationTime() {
    return creationTime;
  }

  Instant lastModified() {
    return lastModified;
  }

  /** Records a change made by a client: a new ETag and modification time. */
  void modified(Instant now, String newEtag) {
    this.lastModified = now;
    this.etag = newEtag;
  }

  void newEtag(String newEtag) {
    this.etag = newEtag;
  }

  PoolAllocation allocation() {
    return allocation;
  }

  void allocation(PoolAllocation allocation) {
    this.allocation = allocation;
  }

  String vmSize() {
    return properties().path("vmSize").asText(null);
  }

  /** The custom image the pool's nodes boot from, or {@code null} for a Marketplace image. */
  String imageId() {
    return properties()
        .path("deploymentConfiguration")
        .path("virtualMachineConfiguration")
        .path("imageReference")
        .path("id")
        .asText(null);
  }

  /** Moves the allocation along to {@code now}. */
  void settle(Instant now, double nodesPerMinute, ResourceStore store) {
    allocation = allocation.advance(now, imageUnusableSince(store), nodesPerMinute);
  }

  /**
   * When the pool's image stopped being usable: a managed image or gallery image version that is
   * gone or being deleted, or a gallery image definition (meaning its latest version) without a
   * usable version. {@code null} while usable and for images the emulator does not model.
   */
  Instant imageUnusableSince(ResourceStore store) {
    String image = imageId();
    if (image == null) {
      return null;
    }
    ResourceId id;
    try {
      id = ResourceId.parse(image);
    } catch (IllegalArgumentException e) {
      return Instant.EPOCH;
    }
    String type = id.type();
    if (type.equalsIgnoreCase(ImageHandler.TYPE)
        || type.equalsIgnoreCase(GalleryImageVersionHandler.TYPE)) {
      return store.unusableSince(id);
    }
    if (type.equalsIgnoreCase(GalleryImageDefinitionHandler.TYPE)) {
      Instant definition = store.unusableSince(id);
      if (definition != null) {
        return definition;
      }
      boolean hasVersion =
          store.children(id, GalleryImageVersionHandler.TYPE).stream()
              .anyMatch(ArmResource::isUsable);
      return hasVersion ? null : Instant.EPOCH;
    }
    return null;
  }
}
