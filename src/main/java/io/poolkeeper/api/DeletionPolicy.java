package io.poolkeeper.api;

/** What happens to the Azure resource when its Kubernetes object is deleted. */
public enum DeletionPolicy {
  /** Delete the Azure resource (only ever one that Poolkeeper created or adopted). */
  Delete,
  /** Leave the Azure resource in place. */
  Retain
}
