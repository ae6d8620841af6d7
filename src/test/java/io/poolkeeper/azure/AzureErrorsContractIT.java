package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.emulator.EmulatorPerClass;
import io.poolkeeper.emulator.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the adapters make of Azure's errors, answered by the emulator over HTTPS. */
class AzureErrorsContractIT {

  private static final String POOLS = "Microsoft.Batch/batchAccounts/pools";

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private EmulatedAzure azure;

  @Test
  void throttlingSurfacesWithRetryAfterAndIsNotRetriedInsideTheCall() {
    azure = EmulatedAzure.on(emulated, AzureClients.RetrySettings.defaults());
    azure.admin().addFault(FaultRule.throttle("GET", POOLS, 42, 1));

    assertThatThrownBy(() -> azure.clients.pools().get(ACCOUNT.pool("p")))
        .isInstanceOfSatisfying(
            AzureException.Throttled.class,
            throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
    assertThat(azure.admin().requestCounts()).containsEntry("GET " + POOLS, 1L);
  }

  @Test
  void aPassingServerErrorIsRetriedInsideTheCall() {
    azure =
        EmulatedAzure.on(
            emulated,
            new AzureClients.RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)));
    azure
        .admin()
        .addFault(new FaultRule("GET", POOLS, 1, 503, "ServiceUnavailable", null, null, 0, 1));

    assertThat(azure.clients.pools().get(ACCOUNT.pool("p"))).isEmpty();
    assertThat(azure.admin().requestCounts()).containsEntry("GET " + POOLS, 2L);
  }

  @Test
  void aLastingServerErrorIsTransient() {
    azure = EmulatedAzure.on(emulated);
    azure.admin().addFault(FaultRule.error("GET", POOLS, 1, 500, "InternalServerError"));

    assertThatThrownBy(() -> azure.clients.pools().get(ACCOUNT.pool("p")))
        .isInstanceOfSatisfying(
            AzureException.Transient.class,
            transientError -> assertThat(transientError.httpStatus()).isEqualTo(500));
  }

  @Test
  void aMissingParentIsToldApartFromAMissingResource() {
    azure = EmulatedAzure.on(emulated);
    PoolRef inMissingAccount =
        new PoolRef.BatchAccountRef(
                EmulatedAzure.SUBSCRIPTION, EmulatedAzure.BATCH_GROUP, "nosuchaccount")
            .pool("p");

    assertThat(azure.clients.pools().get(ACCOUNT.pool("nosuchpool"))).isEmpty();
    assertThatThrownBy(() -> azure.clients.pools().get(inMissingAccount))
        .isInstanceOfSatisfying(
            AzureException.NotFound.class, missing -> assertThat(missing.parentMissing()).isTrue());
    assertThatThrownBy(() -> azure.clients.pools().list(inMissingAccount.account()))
        .isInstanceOfSatisfying(
            AzureException.NotFound.class, missing -> assertThat(missing.parentMissing()).isTrue());
    ImageRef inMissingGroup = new ImageRef(EmulatedAzure.SUBSCRIPTION, "rg-nowhere", "image");
    assertThatThrownBy(() -> azure.clients.images().get(inMissingGroup))
        .isInstanceOfSatisfying(
            AzureException.NotFound.class, missing -> assertThat(missing.parentMissing()).isTrue());
    assertThat(azure.clients.batchAccounts().get(inMissingAccount.account())).isEmpty();
  }

  @Test
  void noRetryWaitsLongerThanTheMaximumWhateverRetryAfterSays() {
    azure =
        EmulatedAzure.on(
            emulated,
            new AzureClients.RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)));
    // An hour's Retry-After on a 503: honoured only up to the 50 ms maximum, so the retry happens
    // within this call instead of holding the thread for an hour.
    azure
        .admin()
        .addFault(new FaultRule("GET", POOLS, 1, 503, "ServiceUnavailable", null, 3600, 0, 1));

    assertThat(azure.clients.pools().get(ACCOUNT.pool("p"))).isEmpty();
    assertThat(azure.admin().requestCounts()).containsEntry("GET " + POOLS, 2L);
  }
}
