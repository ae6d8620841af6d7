package io.poolkeeper.api;

/** Batch's StorageAccountType of a node's managed OS or data disk. */
public enum DiskStorageAccountType {
  Standard_LRS,
  Premium_LRS,
  StandardSSD_LRS
}
