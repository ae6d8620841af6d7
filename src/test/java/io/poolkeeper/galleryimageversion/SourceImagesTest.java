package io.poolkeeper.galleryimageversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import org.junit.jupiter.api.Test;

/** A ManagedImage wakes exactly the versions in its namespace whose spec names it. */
class SourceImagesTest {

  @Test
  void aVersionIsIndexedUnderTheImageItNames() {
    GalleryImageVersion version =
        version("render", "source: {managedImageRef: {name: render-base-2026-11}}");

    assertThat(SourceImages.indexKeys(version))
        .containsExactly(SourceImages.key(image("render", "render-base-2026-11")));
    assertThat(SourceImages.indexKeys(version))
        .doesNotContain(SourceImages.key(image("other", "render-base-2026-11")));
  }

  @Test
  void aVersionMadeFromAnImageIdIsNotIndexed() {
    GalleryImageVersion version =
        version(
            "render",
            "source: {managedImageId: /subscriptions/s/resourceGroups/rg/providers/"
                + "Microsoft.Compute/images/i}");

    assertThat(SourceImages.indexKeys(version)).isEmpty();
  }

  private static GalleryImageVersion version(String namespace, String source) {
    return Serialization.unmarshal(
        "apiVersion: poolkeeper.io/v1alpha1\n"
            + "kind: GalleryImageVersion\n"
            + "metadata: {name: v, namespace: "
            + namespace
            + "}\n"
            + "spec:\n  "
            + source
            + "\n",
        GalleryImageVersion.class);
  }

  private static ManagedImage image(String namespace, String name) {
    return Serialization.unmarshal(
        "apiVersion: poolkeeper.io/v1alpha1\nkind: ManagedImage\nmetadata: {name: "
            + name
            + ", namespace: "
            + namespace
            + "}\n",
        ManagedImage.class);
  }
}
