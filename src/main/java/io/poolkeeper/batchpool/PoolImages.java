package io.poolkeeper.batchpool;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionStatus.RegionReplication;
import io.poolkeeper.api.LocalObjectReference;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ManagedImageSource;
import io.poolkeeper.api.PoolImage;
import io.poolkeeper.operator.CachedObjects;
import io.poolkeeper.operator.Conditions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The images BatchPools name, read from informers rather than from the API server on every
 * reconcile: at a thousand pools a live read per reconcile is a thousand reads per poll. A change
 * that alters what a pool would resolve (the image becoming Ready, its resource ID, its replicated
 * regions, its OS) wakes the pools that name it, found through an index of the pools' specs, so a
 * pool waiting for its image starts as soon as the image is usable; other changes (its users list,
 * a new observedGeneration) wake nobody, or every new pool would wake every pool on its image.
 */
final class PoolImages {

  static final String BY_GALLERY_IMAGE_VERSION = "poolkeeper.io/pool-gallery-image-version";
  static final String BY_MANAGED_IMAGE = "poolkeeper.io/pool-managed-image";

  final InformerEventSource<GalleryImageVersion, BatchPool> versions;
  final InformerEventSource<ManagedImage, BatchPool> images;

  private PoolImages(
      InformerEventSource<GalleryImageVersion, BatchPool> versions,
      InformerEventSource<ManagedImage, BatchPool> images) {
    this.versions = versions;
    this.images = images;
  }

  /** Both informers; the indexes are added to the primary cache here, before it starts. */
  static PoolImages create(EventSourceContext<BatchPool> context) {
    return new PoolImages(
        informer(
            context,
            GalleryImageVersion.class,
            BY_GALLERY_IMAGE_VERSION,
            PoolImage::getGalleryImageVersionRef,
            PoolImages::resolutionOf),
        informer(
            context,
            ManagedImage.class,
            BY_MANAGED_IMAGE,
            PoolImage::getManagedImageRef,
            PoolImages::resolutionOf));
  }

  Optional<GalleryImageVersion> version(String namespace, String name) {
    return versions.get(new ResourceID(name, namespace));
  }

  Optional<ManagedImage> managedImage(String namespace, String name) {
    return images.get(new ResourceID(name, namespace));
  }

  private static <I extends HasMetadata> InformerEventSource<I, BatchPool> informer(
      EventSourceContext<BatchPool> context,
      Class<I> kind,
      String index,
      Function<PoolImage, LocalObjectReference> reference,
      Function<I, Object> resolution) {
    IndexerResourceCache<BatchPool> pools = context.getPrimaryCache();
    pools.addIndexer(
        index,
        pool ->
            Optional.ofNullable(pool.getSpec())
                .map(spec -> spec.getImage())
                .map(reference)
                .map(LocalObjectReference::getName)
                .map(name -> List.of(key(pool.getMetadata().getNamespace(), name)))
                .orElse(List.of()));
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(kind, BatchPool.class)
            .withName(kind.getSimpleName() + "-" + index)
            .withNamespacesInheritedFromController()
            .withItemStore(
                CachedObjects.withoutManagedFields(
                    context.getControllerConfiguration().getEffectiveNamespaces()))
            .withOnUpdateFilter(
                (updated, old) -> !Objects.equals(resolution.apply(updated), resolution.apply(old)))
            .withSecondaryToPrimaryMapper(
                image ->
                    pools
                        .byIndex(
                            index,
                            key(image.getMetadata().getNamespace(), image.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build(),
        context);
  }

  /** What a pool reads of a version: everything else may change without waking its pools. */
  private static Object resolutionOf(GalleryImageVersion version) {
    return List.of(
        Objects.toString(osOf(version)),
        version.getStatus() == null
            ? ""
            : Objects.toString(version.getStatus().getImageVersionResourceId()),
        usableRegions(version));
  }

  /**
   * The regions (lower case) whose pools can take nodes from the version: those its status marks
   * usable, or, in a status written before that field, those whose replication completed.
   */
  static Set<String> usableRegions(GalleryImageVersion version) {
    if (version.getStatus() == null || version.getStatus().getReplication() == null) {
      return Set.of();
    }
    Set<String> regions = new TreeSet<>();
    for (RegionReplication replica : version.getStatus().getReplication()) {
      boolean usable =
          replica.getUsable() != null
              ? replica.getUsable()
              : "Completed".equalsIgnoreCase(replica.getState());
      if (usable && replica.getRegion() != null) {
        regions.add(replica.getRegion().toLowerCase(Locale.ROOT));
      }
    }
    return regions;
  }

  /** What a pool reads of a ManagedImage. */
  private static Object resolutionOf(ManagedImage image) {
    return List.of(
        Objects.toString(osOf(image)),
        image.getStatus() == null ? List.of() : resolutionOf(image.getStatus().getConditions()),
        image.getStatus() == null ? "" : Objects.toString(image.getStatus().getImageResourceId()));
  }

  /** The OS a version's image definition declares, or {@code null}. */
  static String osOf(GalleryImageVersion version) {
    return version.getSpec().getImageDefinition() == null
            || version.getSpec().getImageDefinition().getOsType() == null
        ? null
        : version.getSpec().getImageDefinition().getOsType().name();
  }

  /** The OS of a ManagedImage's source: declared, or its OS disk snapshot's; or {@code null}. */
  static String osOf(ManagedImage image) {
    ManagedImageSource source = image.getSpec().getSource();
    if (source == null) {
      return null;
    }
    if (source.getOsType() != null) {
      return source.getOsType().name();
    }
    if (source.getSnapshots() != null
        && source.getSnapshots().getOsDisk() != null
        && source.getSnapshots().getOsDisk().getOsType() != null) {
      return source.getSnapshots().getOsDisk().getOsType().name();
    }
    return null;
  }

  private static Object resolutionOf(List<Condition> conditions) {
    return String.valueOf(Conditions.isTrue(conditions, Conditions.READY));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
