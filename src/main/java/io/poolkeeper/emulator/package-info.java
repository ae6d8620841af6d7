/**
 * An Azure emulator: the subset of Azure Resource Manager that Poolkeeper uses (resource groups,
 * snapshots, managed images, compute galleries, Batch accounts and pools, management locks), served
 * over HTTPS with the status codes, headers, long-running operations and error bodies of the real
 * service, on a clock that tests and users control.
 *
 * <p>This package is the public entry: {@link io.poolkeeper.emulator.AzureEmulator} starts it
 * in-process; {@link io.poolkeeper.emulator.EmulatorCommand} is the {@code poolkeeper emulator}
 * command; {@link io.poolkeeper.emulator.EmulatorAdmin} seeds state ({@link
 * io.poolkeeper.emulator.SnapshotSeed}, {@link io.poolkeeper.emulator.BatchAccountSeed}), moves the
 * {@link io.poolkeeper.emulator.EmulatorClock} and injects faults ({@link
 * io.poolkeeper.emulator.FaultRule}, {@link io.poolkeeper.emulator.ResizeFailure}, {@link
 * io.poolkeeper.emulator.ProvisioningFailure}). Behind it, {@code arm} is the Resource Manager
 * core, {@code compute} and {@code batch} are the resource providers, and {@code server} is the
 * HTTPS front and the admin API. Time-based state (provisioning, replication, pool resizes) is
 * computed from the clock when a request arrives, so nothing runs in the background.
 */
package io.poolkeeper.emulator;
