package io.poolkeeper.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus.ImageInUse;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.LocalObjectReference;
import io.poolkeeper.api.PoolImage;
import io.poolkeeper.api.UsedBy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Who uses an image, read from the users' specs (a BatchPool counts from the moment it is applied,
 * whether or not its pool exists in Azure) and, for a pool being rolled out to another image, from
 * the image its status says the pool in Azure still runs on: GalleryImageVersions and BatchPools
 * that name a ManagedImage, and BatchPools that name a GalleryImageVersion, in the same namespace.
 *
 * <p>Users are found through an index of the current specs, not JOSDK's secondary-resource mapping,
 * which in 5.2 keeps stale entries when a reference moves from one image to another.
 */
public final class ImageUsers {

  public static final String BY_MANAGED_IMAGE = "poolkeeper.io/managed-image";
  public static final String BY_GALLERY_IMAGE_VERSION = "poolkeeper.io/gallery-image-version";

  private ImageUsers() {}

  /** The ManagedImage a version is made from, if it names one. */
  public static Optional<String> managedImageOf(GalleryImageVersion version) {
    return Optional.ofNullable(version.getSpec())
        .map(spec -> spec.getSource())
        .map(source -> source.getManagedImageRef())
        .map(LocalObjectReference::getName);
  }

  /**
   * The ManagedImages a pool uses: the one its spec names and, until the pool in Azure runs on
   * that, the one it still runs on ({@code status.imageInUse}).
   */
  public static Set<String> managedImagesOf(BatchPool pool) {
    return imagesOf(pool, ImageInUse.MANAGED_IMAGE, PoolImage::getManagedImageRef);
  }

  /** The GalleryImageVersions a pool uses, as {@link #managedImagesOf} counts them. */
  public static Set<String> galleryImageVersionsOf(BatchPool pool) {
    return imagesOf(pool, ImageInUse.GALLERY_IMAGE_VERSION, PoolImage::getGalleryImageVersionRef);
  }

  /** The ManagedImage a version is made from, as a set for {@link #informer}. */
  public static Set<String> managedImagesOf(GalleryImageVersion version) {
    return managedImageOf(version).map(Set::of).orElse(Set.of());
  }

  private static Set<String> imagesOf(
      BatchPool pool, String kind, Function<PoolImage, LocalObjectReference> reference) {
    Set<String> names = new TreeSet<>();
    Optional.ofNullable(pool.getSpec())
        .map(spec -> spec.getImage())
        .map(reference)
        .map(LocalObjectReference::getName)
        .ifPresent(names::add);
    Optional.ofNullable(pool.getStatus())
        .map(status -> status.getImageInUse())
        .filter(inUse -> kind.equals(inUse.getKind()))
        .map(ImageInUse::getName)
        .ifPresent(names::add);
    return names;
  }

  /**
   * An informer on a user kind that wakes the image it names and indexes users by that image.
   *
   * @param references the names of the images a user uses
   * @param index the index name, by which {@link #users} finds them
   */
  public static <U extends HasMetadata, P extends HasMetadata> InformerEventSource<U, P> informer(
      EventSourceContext<P> context,
      Class<U> userKind,
      String index,
      Function<U, Set<String>> references) {
    InformerEventSource<U, P> informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(userKind, context.getPrimaryResourceClass())
                .withName(userKind.getSimpleName() + "-" + index)
                .withNamespacesInheritedFromController()
                .withItemStore(
                    CachedObjects.trimmed(
                        context.getControllerConfiguration().getEffectiveNamespaces(),
                        keptOf(userKind)))
                .withSecondaryToPrimaryMapper(
                    user ->
                        references.apply(user).stream()
                            .map(name -> new ResourceID(name, namespaceOf(user)))
                            .collect(Collectors.toSet()))
                .build(),
            context);
    informer.addIndexers(
        Map.of(
            index,
            user ->
                references.apply(user).stream()
                    .map(name -> key(namespaceOf(user), name))
                    .toList()));
    return informer;
  }

  /**
   * What the image controllers keep of a user: of a BatchPool, what {@link #imagesOf} and the
   * replica policy read; of anything else, all of it.
   */
  @SuppressWarnings("unchecked")
  private static <U extends HasMetadata> UnaryOperator<U> keptOf(Class<U> userKind) {
    return userKind == BatchPool.class
        ? user -> (U) CachedObjects.imageUser((BatchPool) user)
        : UnaryOperator.identity();
  }

  /** The users of {@code image} that one informer knows, as status lists them. */
  public static <U extends HasMetadata> List<UsedBy> users(
      InformerEventSource<U, ?> informer, String index, HasMetadata image) {
    List<UsedBy> users = new ArrayList<>();
    for (U user : userObjects(informer, index, image)) {
      users.add(new UsedBy(user.getKind(), user.getMetadata().getName()));
    }
    return users;
  }

  /** The objects that use {@code image}, as one informer knows them, sorted by name. */
  public static <U extends HasMetadata> List<U> userObjects(
      InformerEventSource<U, ?> informer, String index, HasMetadata image) {
    return informer
        .byIndex(index, key(image.getMetadata().getNamespace(), image.getMetadata().getName()))
        .stream()
        .sorted(Comparator.comparing(user -> user.getMetadata().getName()))
        .toList();
  }

  /** Users sorted by kind and name, so status does not change with informer order. */
  public static List<UsedBy> sorted(List<UsedBy> users) {
    return users.stream()
        .sorted(Comparator.comparing(UsedBy::getKind).thenComparing(UsedBy::getName))
        .toList();
  }

  /** "GalleryImageVersion render-base-1-0-0, BatchPool render-pool" for messages. */
  public static String describe(List<UsedBy> users) {
    return String.join(
        ", ", users.stream().map(user -> user.getKind() + " " + user.getName()).toList());
  }

  private static String namespaceOf(HasMetadata object) {
    return object.getMetadata().getNamespace();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
