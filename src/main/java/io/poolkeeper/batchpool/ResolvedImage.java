package io.poolkeeper.batchpool;

import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.policy.ResizeTimeouts.ImageKind;

/**
 * The image a BatchPool's spec names, as far as it could be resolved.
 *
 * @param reference the image for Azure, or {@code null} while waiting
 * @param kind gallery, managed or Marketplace, for the resize timeout and the image limits
 * @param osType Linux or Windows when known (from the referenced object's spec), else {@code null}
 * @param waitingFor what the pool waits for before the image can be used, or {@code null}
 * @param warning something the user should know about the image, or {@code null}
 * @param missing when the image object the spec names does not exist in the pool's namespace, what
 *     a person must do about it; else {@code null}
 */
record ResolvedImage(
    ImageReference reference,
    ImageKind kind,
    String osType,
    String waitingFor,
    String warning,
    String missing) {

  ResolvedImage(
      ImageReference reference, ImageKind kind, String osType, String waitingFor, String warning) {
    this(reference, kind, osType, waitingFor, warning, null);
  }

  static final String MANAGED_IMAGE_RETIREMENT =
      "Azure Batch retired pools built straight from managed images on 2026-03-31: publish the"
          + " image to a gallery (a GalleryImageVersion) and use galleryImageVersionRef instead.";

  static ResolvedImage waiting(ImageKind kind, String osType, String waitingFor, String warning) {
    return new ResolvedImage(null, kind, osType, waitingFor, warning);
  }

  /**
   * The image object the spec names does not exist: a person must create it or fix the reference.
   * The pool's informer on that kind wakes the pool when it appears.
   */
  static ResolvedImage missing(ImageKind kind, String waitingFor, String missing) {
    return new ResolvedImage(null, kind, null, waitingFor, null, missing);
  }

  boolean ready() {
    return reference != null;
  }

  /** A custom image (gallery or managed) counts towards the per-image node limits. */
  boolean custom() {
    return kind != ImageKind.MARKETPLACE;
  }

  /** The resource ID of a custom image, else {@code null}. */
  String resourceId() {
    return reference == null ? null : reference.id();
  }
}
