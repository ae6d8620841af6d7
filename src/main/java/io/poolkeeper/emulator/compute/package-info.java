/**
 * The Microsoft.Compute provider: snapshots, managed images, compute galleries with their image
 * definitions and versions (replicated per target region on the clock), and the disks and virtual
 * machines images are made from, which are only seeded and read. Batch reads image types and
 * replication state from here to decide whether a pool's nodes can boot.
 */
package io.poolkeeper.emulator.compute;
