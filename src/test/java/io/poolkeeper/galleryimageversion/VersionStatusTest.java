package io.poolkeeper.galleryimageversion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionStatusTest {

  @Test
  void aRegionIsUsableOnceCompletedAndWhileItReplicatesAgain() {
    assertThat(VersionStatus.usable("Completed", false)).isTrue();
    assertThat(VersionStatus.usable("Replicating", false)).isFalse();
    // A new replica count: Azure replicates the region again and keeps serving what it has.
    assertThat(VersionStatus.usable("Replicating", true)).isTrue();
  }

  @Test
  void aFailedOrUnknownRegionIsNotUsable() {
    assertThat(VersionStatus.usable("Failed", true)).isFalse();
    assertThat(VersionStatus.usable("Unknown", true)).isFalse();
  }
}
