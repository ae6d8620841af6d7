package io.poolkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ArmBudgetTest {

  /** One list per account per interval, 4 image reads per interval, no steady writes. */
  private static final ArmBudget MEASURED = new ArmBudget(1.0, 4.0, 0.0, 2.0, 1.0);

  @Test
  void steadyReadsGrowWithAccountsNotPools() {
    // 12 intervals an hour: 200 account lists and 4 image reads each.
    assertThat(MEASURED.steadyReadsPerHour(20_000, 200)).isEqualTo(12.0 * (200 + 4));
    assertThat(MEASURED.steadyReadsPerHour(200, 200)).isEqualTo(12.0 * (200 + 4));
    // Past 100 pools an account's list takes another page.
    assertThat(MEASURED.steadyReadsPerHour(201, 1)).isEqualTo(12.0 * (3 + 4));
  }

  @Test
  void theLargestSteadyFleetIsTheAccountsTheReadBudgetListsTimesTheirPoolQuota() {
    // (12 000 - 48) / 12 = 996 accounts of 100 pools.
    assertThat(MEASURED.largestSteadyFleet()).isEqualTo(99_600);
  }

  @Test
  void creatingPoolsIsBoundByTheWriteBudget() {
    assertThat(MEASURED.newPoolsPerHour()).isEqualTo(1_200.0);
    assertThat(MEASURED.hoursToCreate(20_000)).isCloseTo(16.67, within(0.01));
    assertThat(new ArmBudget(1, 0, 0, 2, 2).hoursToCreate(1_200)).isEqualTo(2.0);
  }

  @Test
  void aRePutDesignReadsAndWritesEveryPoolEveryInterval() {
    assertThat(ArmBudget.rePutReadsPerHour(20_000)).isEqualTo(240_000.0);
    assertThat(ArmBudget.rePutWritesPerHour(20_000)).isEqualTo(240_000.0);
  }
}
