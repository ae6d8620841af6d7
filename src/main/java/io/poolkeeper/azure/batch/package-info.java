/**
 * The Batch pool resource's settings as the Batch management REST API 2026-08-01 names them:
 * records that Jackson writes to and reads from the wire as they are.
 */
package io.poolkeeper.azure.batch;
