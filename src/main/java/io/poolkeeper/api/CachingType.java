package io.poolkeeper.api;

/** Batch's CachingType of a node's disk. */
public enum CachingType {
  None,
  ReadOnly,
  ReadWrite
}
