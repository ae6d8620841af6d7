package io.poolkeeper.galleryimageversion;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.operator.CachedObjects;
import io.poolkeeper.operator.ImageUsers;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ManagedImages versions are made from: an informer on ManagedImage whose every change wakes
 * the versions that name the image (found through an index of the versions' current specs), so a
 * version waiting for its image starts as soon as the image is Ready.
 */
final class SourceImages {

  static final String BY_SOURCE_IMAGE = "poolkeeper.io/source-image";

  private SourceImages() {}

  static InformerEventSource<ManagedImage, GalleryImageVersion> informer(
      EventSourceContext<GalleryImageVersion> context) {
    IndexerResourceCache<GalleryImageVersion> versions = context.getPrimaryCache();
    versions.addIndexer(BY_SOURCE_IMAGE, SourceImages::indexKeys);
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ManagedImage.class, GalleryImageVersion.class)
            .withName("ManagedImage-" + BY_SOURCE_IMAGE)
            .withNamespacesInheritedFromController()
            .withItemStore(
                CachedObjects.withoutManagedFields(
                    context.getControllerConfiguration().getEffectiveNamespaces()))
            .withSecondaryToPrimaryMapper(
                image ->
                    versions.byIndex(BY_SOURCE_IMAGE, key(image)).stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build(),
        context);
  }

  /** The ManagedImage the version names, as the informer has it, if it exists. */
  static Optional<ManagedImage> sourceOf(
      InformerEventSource<ManagedImage, GalleryImageVersion> images, GalleryImageVersion version) {
    return ImageUsers.managedImageOf(version)
        .flatMap(name -> images.get(new ResourceID(name, version.getMetadata().getNamespace())));
  }

  /** The index entry of a version: the image it names, or none for a managedImageId. */
  static List<String> indexKeys(GalleryImageVersion version) {
    return ImageUsers.managedImageOf(version)
        .map(name -> List.of(version.getMetadata().getNamespace() + "/" + name))
        .orElse(List.of());
  }

  /** The index entry under which the versions made from {@code image} are found. */
  static String key(ManagedImage image) {
    return image.getMetadata().getNamespace() + "/" + image.getMetadata().getName();
  }
}
