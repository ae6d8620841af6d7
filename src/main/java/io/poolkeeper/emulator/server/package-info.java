/**
 * The emulator's HTTPS face: the handler that turns exchanges into ARM requests and back, the REST
 * admin API under {@code /_emulator/} that calls {@link io.poolkeeper.emulator.EmulatorAdmin}, and
 * the CA and server certificates generated at start.
 */
package io.poolkeeper.emulator.server;
