package io.poolkeeper.azure;

import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.EmulatorOptions;
import io.poolkeeper.emulator.EmulatorPerClass;
import io.poolkeeper.emulator.SnapshotSeed;
import java.time.Duration;

/**
 * The adapter contract tests' view of the class's emulator ({@link EmulatorPerClass}): the real SDK
 * adapters pointed at it over HTTPS (trusting the emulator's CA, and nothing else), and a small
 * seeded world: one subscription, a resource group with snapshots, and a Batch account.
 */
final class EmulatedAzure {

  static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
  static final String IMAGES_GROUP = "rg-images";
  static final String BATCH_GROUP = "rg-batch";
  static final String LOCATION = "westeurope";
  static final String OS_SNAPSHOT = snapshotId("render-os");
  static final String DATA_SNAPSHOT = snapshotId("render-data0");
  static final BatchAccountRef ACCOUNT =
      new BatchAccountRef(SUBSCRIPTION, BATCH_GROUP, "renderbatch");

  final AzureEmulator emulator;
  final AzureClients clients;

  private EmulatedAzure(AzureEmulator emulator, AzureClients clients) {
    this.emulator = emulator;
    this.clients = clients;
  }

  /** One emulator for the test class, reset to this world before each test. */
  static EmulatorPerClass perClass() {
    return EmulatorPerClass.seededWith(
        EmulatorOptions.builder().port(0).build(), EmulatedAzure::seed);
  }

  /** The adapters on the class's emulator; they do not retry, so every fault surfaces. */
  static EmulatedAzure on(EmulatorPerClass emulated) {
    return on(emulated, AzureClients.RetrySettings.none());
  }

  static EmulatedAzure on(EmulatorPerClass emulated, AzureClients.RetrySettings retry) {
    return new EmulatedAzure(emulated.azure(), emulated.clients(retry));
  }

  EmulatorAdmin admin() {
    return emulator.admin();
  }

  /** Lets simulated time pass, e.g. for provisioning, replication or a resize. */
  void advance(Duration duration) {
    admin().advanceClock(duration);
  }

  private static void seed(EmulatorAdmin admin) {
    admin.addSubscription(SUBSCRIPTION);
    admin.addResourceGroup(SUBSCRIPTION, IMAGES_GROUP, LOCATION);
    admin.addResourceGroup(SUBSCRIPTION, BATCH_GROUP, LOCATION);
    admin.addSnapshot(new SnapshotSeed(OS_SNAPSHOT, LOCATION, "Linux", 64, "V2"));
    admin.addSnapshot(new SnapshotSeed(DATA_SNAPSHOT, LOCATION, null, 128, null));
    admin.addBatchAccount(BatchAccountSeed.withDefaultQuotas(ACCOUNT.resourceId(), LOCATION));
  }

  static String snapshotId(String name) {
    return AzureResourceIds.resourceGroup(SUBSCRIPTION, IMAGES_GROUP)
        + "/providers/Microsoft.Compute/snapshots/"
        + name;
  }
}
