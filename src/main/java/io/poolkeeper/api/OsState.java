package io.poolkeeper.api;

/**
 * State of an image's OS disk. Azure Batch supports only generalized images, so this is the one
 * value the API accepts.
 */
public enum OsState {
  Generalized
}
