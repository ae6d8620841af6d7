package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionStatus;
import io.poolkeeper.api.GalleryImageVersionStatus.RegionReplication;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolImagesTest {

  private static RegionReplication region(String name, String state, Boolean usable) {
    RegionReplication region = new RegionReplication();
    region.setRegion(name);
    region.setState(state);
    region.setUsable(usable);
    return region;
  }

  private static GalleryImageVersion version(RegionReplication... regions) {
    GalleryImageVersion version = new GalleryImageVersion();
    version.setStatus(new GalleryImageVersionStatus());
    version.getStatus().setReplication(List.of(regions));
    return version;
  }

  @Test
  void aRegionReplicatingAgainAfterItCompletedStaysUsable() {
    assertThat(
            PoolImages.usableRegions(
                version(
                    region("westeurope", "Replicating", true),
                    region("NorthEurope", "Replicating", false),
                    region("eastus", "Completed", true))))
        .containsExactly("eastus", "westeurope");
  }

  @Test
  void aStatusWrittenBeforeTheUsableFieldCountsCompletedRegions() {
    assertThat(
            PoolImages.usableRegions(
                version(region("westeurope", "Completed", null), region("eastus", "Failed", null))))
        .containsExactly("westeurope");
    assertThat(PoolImages.usableRegions(new GalleryImageVersion())).isEmpty();
  }
}
