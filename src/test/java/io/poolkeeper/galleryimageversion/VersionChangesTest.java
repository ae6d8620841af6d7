package io.poolkeeper.galleryimageversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService.ImageVersionInfo;
import io.poolkeeper.azure.GalleryService.ReplicaTarget;
import io.poolkeeper.galleryimageversion.VersionChanges.Change;
import io.poolkeeper.galleryimageversion.VersionChanges.Wanted;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One PATCH of what differs. Azure answers a version's target regions as display names whatever the
 * request used (DOMAIN.md, "Compute behaviour";
 * azure-reference/compute/GalleryRP/2025-03-03/GalleryImageVersion_Get_WithReplicationStatus.json).
 */
class VersionChangesTest {

  private static final GalleryImageVersionRef REF =
      new GalleryImageVersionRef("sub", "rg-images", "render_gallery", "render-base", "1.0.0");
  private static final Map<String, String> TAGS = Map.of("poolkeeper-owner", "render/v/uid");

  @Test
  void displayNamesAndTheSameCountsAreNoDifference() {
    ImageVersionInfo azure =
        azure(
            List.of(
                new ReplicaTarget("West Europe", 2, "Standard_LRS"),
                new ReplicaTarget("North Europe", 1, "standard_zrs")),
            OffsetDateTime.parse("2027-12-31T01:00:00+01:00"));

    Optional<Change> change =
        VersionChanges.between(
            REF,
            azure,
            new Wanted(
                List.of(
                    new ReplicaTarget("westeurope", 2, "Standard_LRS"),
                    new ReplicaTarget("northeurope", 1, "Standard_ZRS")),
                false,
                OffsetDateTime.parse("2027-12-31T00:00:00Z"),
                TAGS));

    assertThat(change).isEmpty();
  }

  @Test
  void aStorageTypeChangeSendsTheWholeRegionList() {
    ImageVersionInfo azure =
        azure(
            List.of(
                new ReplicaTarget("West Europe", 1, "Standard_LRS"),
                new ReplicaTarget("North Europe", 1, null)),
            null);
    List<ReplicaTarget> wanted =
        List.of(
            new ReplicaTarget("westeurope", 1, "Standard_LRS"),
            new ReplicaTarget("northeurope", 1, "Standard_ZRS"));

    Change change =
        VersionChanges.between(REF, azure, new Wanted(wanted, false, null, TAGS)).orElseThrow();

    assertThat(change.update().targetRegions()).isEqualTo(wanted);
    assertThat(change.update().allowDeletionOfReplicatedLocations()).isNull();
    assertThat(change.descriptions())
        .containsExactly("northeurope storage Standard_LRS -> Standard_ZRS");
  }

  @Test
  void anAddedRegionIsDescribedWithItsReplicas() {
    ImageVersionInfo azure =
        azure(List.of(new ReplicaTarget("West Europe", 1, "Standard_LRS")), null);

    Change change =
        VersionChanges.between(
                REF,
                azure,
                new Wanted(
                    List.of(
                        new ReplicaTarget("westeurope", 1, "Standard_LRS"),
                        new ReplicaTarget("eastus", 3, "Standard_LRS")),
                    false,
                    null,
                    TAGS))
            .orElseThrow();

    assertThat(change.descriptions()).containsExactly("eastus added (3 replicas, Standard_LRS)");
  }

  private static ImageVersionInfo azure(List<ReplicaTarget> targets, OffsetDateTime endOfLife) {
    return new ImageVersionInfo(
        REF.resourceId(),
        "West Europe",
        "Succeeded",
        "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/images/i",
        targets,
        "Completed",
        List.of(),
        false,
        endOfLife,
        TAGS);
  }
}
