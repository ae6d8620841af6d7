package io.poolkeeper.api;

/** Hyper-V generation of the VMs an image boots; it must match the source disk. */
public enum HyperVGeneration {
  V1,
  V2
}
