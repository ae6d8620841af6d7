package io.poolkeeper.api;

/** Operating system of an image. */
public enum OsType {
  Linux,
  Windows
}
