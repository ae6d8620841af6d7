/**
 * The Azure Resource Manager core every provider shares: requests and responses, routing by path,
 * the checks ARM makes before a provider sees a request (authentication, api-version, subscription,
 * resource group, management locks), ARM's error bodies, long-running operations, the resource
 * store and its lifecycle on the clock, resource groups, locks, tags, regions, api-version lists,
 * injected faults and request counters. Classes and members are public only where the providers
 * ({@code compute}, {@code batch}), the HTTPS server or the root's {@code AzureEmulator} and {@code
 * EmulatorAdmin} use them; {@link io.poolkeeper.emulator.arm.ResourceHandler} is the one extension
 * point for providers.
 */
package io.poolkeeper.emulator.arm;
