package io.poolkeeper.galleryimageversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.azure.BatchAccountService;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A Batch account's region is read from Azure once; an account cannot change its region. */
class BatchAccountLocationsTest {

  private static final BatchAccountRef ACCOUNT =
      new BatchAccountRef("11111111-2222-3333-4444-555555555555", "rg-batch", "renderbatch");

  /** Batch accounts in memory, counting how often Azure is asked. */
  private static final class AccountsInMemory implements BatchAccountService {
    final Map<String, String> locations = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<BatchAccountInfo> get(BatchAccountRef account) {
      reads.incrementAndGet();
      return Optional.ofNullable(locations.get(account.name()))
          .map(
              location ->
                  new BatchAccountInfo(
                      account.resourceId(), location, "BatchService", 20, 100, Map.of(), false));
    }
  }

  @Test
  void anAccountsRegionIsReadOnceAndInProgrammaticForm() {
    AccountsInMemory azure = new AccountsInMemory();
    azure.locations.put("renderbatch", "West Europe");
    BatchAccountLocations locations = new BatchAccountLocations(azure);

    List<Optional<String>> answers =
        List.of(
            locations.locationOf(ACCOUNT),
            locations.locationOf(ACCOUNT),
            locations.locationOf(
                new BatchAccountRef(ACCOUNT.subscriptionId(), "RG-Batch", "renderbatch")));

    assertThat(answers).containsOnly(Optional.of("westeurope"));
    assertThat(azure.reads).hasValue(1);
  }

  @Test
  void aMissingAccountIsAskedForAgainUntilItExists() {
    AccountsInMemory azure = new AccountsInMemory();
    BatchAccountLocations locations = new BatchAccountLocations(azure);

    assertThat(locations.locationOf(ACCOUNT)).isEmpty();
    azure.locations.put("renderbatch", "northeurope");

    assertThat(locations.locationOf(ACCOUNT)).contains("northeurope");
    assertThat(azure.reads).hasValue(2);
  }
}
