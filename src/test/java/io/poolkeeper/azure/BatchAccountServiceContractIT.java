package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.azure.BatchAccountService.BatchAccountInfo;
import io.poolkeeper.emulator.EmulatorPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BatchAccountService} through the Azure SDK against the emulator. */
class BatchAccountServiceContractIT {

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private final BatchAccountService accounts = EmulatedAzure.on(emulated).clients.batchAccounts();

  @Test
  void anAccountTellsItsRegionQuotasAndAllocationMode() {
    BatchAccountInfo account = accounts.get(ACCOUNT).orElseThrow();

    assertThat(account.id()).isEqualToIgnoringCase(ACCOUNT.resourceId());
    assertThat(account.location()).isEqualTo(EmulatedAzure.LOCATION);
    assertThat(account.poolAllocationMode()).isEqualTo("BatchService");
    assertThat(account.dedicatedCoreQuota()).isEqualTo(500);
    assertThat(account.lowPriorityCoreQuota()).isEqualTo(500);
    assertThat(account.dedicatedCoreQuotaPerVmFamilyEnforced()).isFalse();
  }

  @Test
  void aMissingAccountIsEmpty() {
    assertThat(
            accounts.get(
                new PoolRef.BatchAccountRef(
                    EmulatedAzure.SUBSCRIPTION, EmulatedAzure.BATCH_GROUP, "nosuchaccount")))
        .isEmpty();
  }
}
