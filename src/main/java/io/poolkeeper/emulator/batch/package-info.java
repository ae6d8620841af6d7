/**
 * The Microsoft.Batch provider: Batch accounts with their quotas, and pools with their allocation
 * on the clock (resizes at a node rate, stop, resize timeouts and errors, image outages), autoscale
 * formulas, VM sizes, OData pool listings and Batch's own error bodies.
 */
package io.poolkeeper.emulator.batch;
