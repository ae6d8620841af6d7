package io.poolkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.ArmWrite;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that no pool was deleted or resized to a size no spec asked for. */
class AzureLedgerTest {

  private static final String POOL =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a/pools/pool-0";
  private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

  @Test
  void resizesToAskedTargetsPass() {
    AzureLedger.PoolAsks asks = new AzureLedger.PoolAsks();
    asks.target("pool-0", 2, 0);
    asks.target("pool-0", 5, 0);

    assertThat(
            AzureLedger.unaskedPoolWrites(
                List.of(write("PUT", T0, scale(2)), write("PATCH", T0.plusSeconds(9), scale(5))),
                asks))
        .isEmpty();
  }

  @Test
  void aShrinkNoSpecAskedForIsLost() {
    AzureLedger.PoolAsks asks = new AzureLedger.PoolAsks();
    asks.target("pool-0", 5, 0);

    assertThat(AzureLedger.unaskedPoolWrites(List.of(write("PATCH", T0, scale(0))), asks))
        .singleElement()
        .asString()
        .contains("pool-0 resized to 0/0");
  }

  @Test
  void drainingAndDeletingArePartOfAnAskedRolloutOnly() {
    AzureLedger.PoolAsks asks = new AzureLedger.PoolAsks();
    asks.target("pool-0", 5, 0);
    asks.rollout("pool-0", T0.plusSeconds(60));
    List<ArmWrite> early = List.of(write("PATCH", T0, scale(0)), write("DELETE", T0, null));
    List<ArmWrite> during =
        List.of(
            write("PATCH", T0.plusSeconds(60), scale(0)),
            write("DELETE", T0.plusSeconds(90), null));

    assertThat(AzureLedger.unaskedPoolWrites(early, asks)).hasSize(2);
    assertThat(AzureLedger.unaskedPoolWrites(during, asks)).isEmpty();
  }

  @Test
  void aDeleteIsAskedOnlyOnceTheObjectIsDeleted() {
    AzureLedger.PoolAsks asks = new AzureLedger.PoolAsks();
    asks.delete("pool-0", T0.plusSeconds(60));

    assertThat(AzureLedger.unaskedPoolWrites(List.of(write("DELETE", T0, null)), asks))
        .singleElement()
        .asString()
        .contains("deleted");
    assertThat(
            AzureLedger.unaskedPoolWrites(List.of(write("DELETE", T0.plusSeconds(61), null)), asks))
        .isEmpty();
  }

  private static ArmWrite write(String method, Instant at, JsonNode body) {
    return new ArmWrite(at, method, POOL, 200, body);
  }

  private static JsonNode scale(int dedicated) {
    return EmulatorJson.parse(
        "{\"properties\": {\"scaleSettings\": {\"fixedScale\": {\"targetDedicatedNodes\": "
            + dedicated
            + ", \"targetLowPriorityNodes\": 0}}}}");
  }
}
