package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ImageTotalsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ImageTotals totals = new ImageTotals(nanos::get);
  private final AtomicInteger counted = new AtomicInteger();

  private Map<String, PoolTargets> pools(int count, int dedicatedEach) {
    counted.incrementAndGet();
    Map<String, PoolTargets> pools = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      pools.put("uid-" + i, new PoolTargets("pool-" + i, dedicatedEach, 0));
    }
    return pools;
  }

  @Test
  void aFreshCountIsKeptAndEachPoolPutsItsOwnTargetsIn() {
    assertThat(
            totals.surelyFit(
                "image", "uid-0", new PoolTargets("pool-0", 1, 0), () -> pools(1000, 1)))
        .isTrue();
    nanos.addAndGet(ImageTotals.FRESH / 2);
    // Changed from 1 to 1400 nodes: 999 + 1400 still fits, without counting again.
    assertThat(
            totals.surelyFit(
                "image", "uid-0", new PoolTargets("pool-0", 1400, 0), () -> pools(0, 0)))
        .isTrue();
    assertThat(counted).hasValue(1);
  }

  @Test
  void twoPoolsAppliedTogetherAreCountedTogether() {
    assertThat(
            totals.surelyFit(
                "image", "first", new PoolTargets("first", 1500, 0), Map::<String, PoolTargets>of))
        .isTrue();
    // Within the same second: the fresh count did not know the second pool; it adds itself.
    assertThat(
            totals.surelyFit(
                "image",
                "second",
                new PoolTargets("second", 1500, 0),
                Map::<String, PoolTargets>of))
        .isFalse();
  }

  @Test
  void aStaleCountIsCountedAgainAndImagesApart() {
    assertThat(totals.surelyFit("a", "uid-0", new PoolTargets("p", 1, 0), () -> pools(1000, 1)))
        .isTrue();
    nanos.addAndGet(ImageTotals.FRESH + 1);
    assertThat(totals.surelyFit("a", "uid-0", new PoolTargets("p", 1, 0), () -> pools(3000, 1)))
        .isFalse();
    assertThat(counted).hasValue(2);
    assertThat(
            totals.surelyFit(
                "b", "spot", new PoolTargets("spot", 0, 1001), Map::<String, PoolTargets>of))
        .isFalse();
  }
}
