package io.poolkeeper.azure;

import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.EmulatorOptions;
import io.poolkeeper.emulator.SnapshotSeed;
import java.time.Duration;
import java.util.Optional;

/**
 * The Azure emulator on a simulated clock, with the real SDK adapters pointed at it over HTTPS
 * (trusting the emulator's CA, and nothing else), and a small seeded world: one subscription, a
 * resource group with snapshots, and a Batch account.
 */
final class EmulatedAzure implements AutoCloseable {

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

  private EmulatedAzure(AzureEmulator emulator, AzureClients.RetrySettings retry) {
    this.emulator = emulator;
    this.clients =
        new AzureClients(
            new AzureClients.Settings(
                emulator.endpoint(),
                AzureClients.emulatorCredential(),
                Optional.of(emulator.caCertificate()),
                retry));
  }

  /** A fresh emulator; the adapters do not retry, so every fault surfaces. */
  static EmulatedAzure start() {
    return start(AzureClients.RetrySettings.none());
  }

  static EmulatedAzure start(AzureClients.RetrySettings retry) {
    EmulatedAzure azure =
        new EmulatedAzure(AzureEmulator.start(EmulatorOptions.builder().port(0).build()), retry);
    azure.seed();
    return azure;
  }

  EmulatorAdmin admin() {
    return emulator.admin();
  }

  /** Lets simulated time pass, e.g. for provisioning, replication or a resize. */
  void advance(Duration duration) {
    admin().advanceClock(duration);
  }

  /** Forgets everything and seeds the world again. */
  void reset() {
    admin().reset();
    seed();
  }

  private void seed() {
    EmulatorAdmin admin = admin();
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

  @Override
  public void close() {
    emulator.close();
  }
}
