package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.poolkeeper.emulator.batch.PoolHandler;
import io.poolkeeper.emulator.compute.ImageHandler;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected throttling, errors and latency. */
class FaultsTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @BeforeEach
  void seedTheWorldOfTheseTests() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));
  }

  @Test
  void throttlingAnswers429WithRetryAfterAsManyTimesAsAsked() {
    azure.admin().addFault(FaultRule.throttle("GET", PoolHandler.TYPE, 17, 2));

    EmulatorClient.Reply first = client.get(POOL + BATCH_API);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("17");
    assertThat(first.errorCode()).isEqualTo("TooManyRequests");
    assertThat(first.errorMessage()).contains("Read_ObservationWindow");
    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(429);
    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
  }

  @Test
  void faultsMatchMethodAndResourceType() {
    azure.admin().addFault(FaultRule.error("PUT", ImageHandler.TYPE, 1, 503, "ServiceUnavailable"));

    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
    EmulatorClient.Reply failed = client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.errorCode()).isEqualTo("ServiceUnavailable");
    assertThat(client.get(IMAGE + IMAGES_API).status()).isEqualTo(404);
  }

  @Test
  void aRateBelowOneFailsSomeRequestsAndClearingStopsIt() {
    azure.admin().addFault(FaultRule.error(null, null, 0.5, 500, null));

    int failures = 0;
    for (int i = 0; i < 40; i++) {
      if (client.get(POOL + BATCH_API).status() == 500) {
        failures++;
      }
    }
    assertThat(failures).isBetween(1, 39);
    assertThat(azure.admin().injectedFaults()).containsEntry("500", (long) failures);

    azure.admin().clearFaults();
    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysButDoesNotFailRequests() {
    azure.admin().addFault(FaultRule.latency("GET", "*", 5));

    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
    assertThat(azure.admin().faults()).hasSize(1);
  }

  @Test
  void aCutOffRequestIsCarriedOutButItsConnectionClosesWithoutAResponse() {
    azure.admin().addFault(FaultRule.cutOff("PUT", ImageHandler.TYPE, 1));

    assertThatThrownBy(() -> client.put(IMAGE + IMAGES_API, imageFromSnapshots()))
        .isInstanceOf(UncheckedIOException.class);

    azure.admin().clearFaults();
    assertThat(client.get(IMAGE + IMAGES_API).status()).isEqualTo(200);
    assertThat(azure.admin().writes())
        .extracting(ArmWrite::method, ArmWrite::path)
        .contains(tuple("PUT", IMAGE));
  }

  @Test
  void aSlowRuleDelaysOnlyItsShareOfRequests() {
    azure.admin().addFault(FaultRule.slow("GET", "*", 0.25, 1));

    for (int i = 0; i < 8; i++) {
      assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
    }
    assertThatThrownBy(() -> FaultRule.slow("GET", "*", 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJournalHoldsAcceptedClientWritesOnly() {
    azure.admin().resetRequestCounts();
    int before = azure.admin().writes().size();
    azure.admin().addFault(FaultRule.error("PUT", ImageHandler.TYPE, 1, 500, null));

    assertThat(client.put(IMAGE + IMAGES_API, imageFromSnapshots()).status()).isEqualTo(500);
    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
    azure.admin().scalePool(POOL, 0, 0);

    assertThat(azure.admin().writes()).hasSize(before);
  }

  @Test
  void theInventoryListsResourcesWithTheirTagsAndTheLocksHeld() {
    assertThat(azure.admin().resources())
        .anySatisfy(
            held -> {
              assertThat(held.id()).isEqualToIgnoringCase(POOL);
              assertThat(held.type()).isEqualTo(PoolHandler.TYPE);
            });
    assertThat(azure.admin().locks()).isEmpty();
  }
}
