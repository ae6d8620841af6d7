package io.poolkeeper.api;

/** Batch's ElevationLevel: the rights of a user on a node. */
public enum ElevationLevel {
  NonAdmin,
  Admin
}
