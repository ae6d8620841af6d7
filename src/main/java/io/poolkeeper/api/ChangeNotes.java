package io.poolkeeper.api;

/**
 * How Azure Batch takes a change of each BatchPool field at api-version 2026-08-01, in the words
 * every field description ends with. Pool - Update (PATCH) applies scale, start task, metadata,
 * application packages and tags to a pool with nodes; every other pool property it accepts only
 * while the pool has zero nodes ("Update Batch pool properties", learn.microsoft.com/azure/batch/
 * batch-pool-update-properties). Only account and poolId cannot change; their CEL rules say so.
 */
final class ChangeNotes {

  private ChangeNotes() {}

  static final String IN_PLACE = " Changes in place.";

  static final String AT_ZERO_NODES =
      " Changes in place only while the pool has zero nodes; with nodes it rolls out (see"
          + " rollout.strategy).";

  /** Where a password or key goes instead of the spec. */
  static final String SECRET =
      " Given as a secretKeyRef to a Secret in this object's namespace, never in the spec.";

  static final String PREFER_IDENTITY =
      " Prefer identityReference (a managed identity) where Azure accepts one: no secret to keep"
          + " or rotate.";
}
