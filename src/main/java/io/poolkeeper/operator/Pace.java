package io.poolkeeper.operator;

/** How soon a reconciler looks at an object again. */
public enum Pace {
  /** Something is under way in Azure (provisioning, replication, a delete): look again soon. */
  BUSY,
  /** Azure matches the spec: look again for drift now and then. */
  IDLE,
  /** Progress needs a person: look again only after a long interval (or a spec change). */
  STALLED
}
