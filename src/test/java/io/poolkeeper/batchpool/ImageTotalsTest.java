package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ImageTotalsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ImageTotals totals = new ImageTotals(nanos::get);
  private final AtomicInteger counted = new AtomicInteger();

  private List<PoolTargets> pools(int count, int dedicatedEach) {
    counted.incrementAndGet();
    List<PoolTargets> pools = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pools.add(new PoolTargets("pool-" + i, dedicatedEach, 0));
    }
    return pools;
  }

  @Test
  void aFreshCountFarBelowTheLimitsIsTrustedWithoutCountingAgain() {
    assertThat(totals.surelyFit("image-a", () -> pools(1000, 1))).isTrue();
    nanos.addAndGet(ImageTotals.FRESH / 2);
    assertThat(totals.surelyFit("image-a", () -> pools(3000, 1))).isTrue();

    assertThat(counted).hasValue(1);
  }

  @Test
  void aStaleCountIsCountedAgain() {
    assertThat(totals.surelyFit("image-a", () -> pools(1000, 1))).isTrue();
    nanos.addAndGet(ImageTotals.FRESH + 1);

    assertThat(totals.surelyFit("image-a", () -> pools(3000, 1))).isFalse();
    assertThat(counted).hasValue(2);
  }

  @Test
  void nearTheLimitNothingIsSureAndImagesAreCountedApart() {
    // 2300 of 2500 dedicated nodes is past the 90 % margin: the caller counts exactly.
    assertThat(totals.surelyFit("image-a", () -> pools(2300, 1))).isFalse();
    assertThat(totals.surelyFit("image-b", () -> pools(10, 1))).isTrue();
    assertThat(totals.surelyFit("image-c", () -> List.of(new PoolTargets("spot", 0, 901))))
        .isFalse();
  }
}
