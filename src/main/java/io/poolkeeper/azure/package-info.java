/**
 * Azure access for the reconcilers: narrow ports named for what they do ({@link
 * io.poolkeeper.azure.ManagedImageService}, {@link io.poolkeeper.azure.GalleryService}, {@link
 * io.poolkeeper.azure.PoolService}, {@link io.poolkeeper.azure.LockService}), typed errors a
 * reconciler can act on ({@link io.poolkeeper.azure.AzureException}), and their adapters on the
 * Azure SDK for Java (pools: on the SDK's HTTP pipeline with models of our own, for the newer Batch
 * API), all built in one place ({@link io.poolkeeper.azure.AzureClients}).
 *
 * <p>Long-running operations are started ({@code begin...}) and never awaited: a reconciler reads
 * the resource's provisioning state on a later reconcile, so no thread waits on Azure.
 */
package io.poolkeeper.azure;
