package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.ResourceId;
import io.poolkeeper.emulator.arm.ResourceStore;
import io.poolkeeper.emulator.compute.GalleryImageDefinitionHandler;
import io.poolkeeper.emulator.compute.GalleryImageVersionHandler;
import io.poolkeeper.emulator.compute.GalleryImageVersionResource;
import io.poolkeeper.emulator.compute.ImageHandler;
import java.time.Instant;

/**
 * A Batch pool: the properties its owner set (the stored document's {@code properties}), its ETag
 * and timestamps, and its {@link PoolAllocation} on the clock.
 *
 * <p>Public because {@code EmulatorAdmin} reads a pool's fixed-scale settings for an out-of-band
 * resize and refuses tags on pools.
 */
public final class PoolResource extends ArmResource {

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

  public ObjectNode properties() {
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
  @Override
  protected void settle(Instant now, EmulatorState state) {
    // Only a running resize can end or fail; the image lookup is skipped for every other pool, as
    // this runs for every pool on every request.
    if (allocation.changesOverTime()) {
      allocation =
          allocation.advance(now, imageOutage(state.store()), state.options().nodesPerMinute());
    }
  }

  /**
   * Since when and why the running resize cannot take new nodes from the pool's image: a managed
   * image or gallery image version that is gone or being deleted, a version that has no complete
   * replica in the Batch account's region when the resize starts (or lost it since), or a gallery
   * image definition (meaning its latest version) without such a version. {@code null} while the
   * image is usable, without a resize, and for images the emulator does not model.
   */
  PoolAllocation.ImageOutage imageOutage(ResourceStore store) {
    String image = imageId();
    ResizeOperation resize = allocation.resize();
    if (image == null || resize == null) {
      return null;
    }
    ResourceId id;
    try {
      id = ResourceId.parse(image);
    } catch (IllegalArgumentException e) {
      return new PoolAllocation.ImageOutage(Instant.EPOCH, ResizeError.imageMissing(image));
    }
    String region = store.find(id().parent()).map(ArmResource::location).orElse(null);
    String type = id.type();
    if (type.equalsIgnoreCase(ImageHandler.TYPE)) {
      return missingSince(store.unusableSince(id), image);
    }
    if (type.equalsIgnoreCase(GalleryImageVersionHandler.TYPE)) {
      PoolAllocation.ImageOutage missing = missingSince(store.unusableSince(id), image);
      if (missing != null || region == null) {
        return missing;
      }
      Instant unavailable =
          store
              .find(id, GalleryImageVersionResource.class)
              .map(version -> version.unavailableInRegionSince(region, resize.startTime()))
              .orElse(null);
      return unavailable == null
          ? null
          : new PoolAllocation.ImageOutage(
              unavailable, ResizeError.imageNotReplicated(image, region));
    }
    if (type.equalsIgnoreCase(GalleryImageDefinitionHandler.TYPE)) {
      PoolAllocation.ImageOutage missing = missingSince(store.unusableSince(id), image);
      if (missing != null) {
        return missing;
      }
      boolean hasVersion =
          store.children(id, GalleryImageVersionHandler.TYPE).stream()
              .filter(ArmResource::isUsable)
              .map(GalleryImageVersionResource.class::cast)
              .anyMatch(
                  version ->
                      region == null
                          || version.unavailableInRegionSince(region, resize.startTime()) == null);
      return hasVersion ? null : missingSince(Instant.EPOCH, image);
    }
    return null;
  }

  private static PoolAllocation.ImageOutage missingSince(Instant since, String image) {
    return since == null
        ? null
        : new PoolAllocation.ImageOutage(since, ResizeError.imageMissing(image));
  }
}
