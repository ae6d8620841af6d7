package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.emulator.batch.PoolHandler;
import io.poolkeeper.emulator.compute.ImageHandler;
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

    azure.admin().clearFaults();
    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysButDoesNotFailRequests() {
    azure.admin().addFault(FaultRule.latency("GET", "*", 5));

    assertThat(client.get(POOL + BATCH_API).status()).isEqualTo(200);
    assertThat(azure.admin().faults()).hasSize(1);
  }
}
