package io.poolkeeper.api;

/** The API group and version all Poolkeeper resources share. */
public final class ApiGroup {

  private ApiGroup() {}

  public static final String NAME = "poolkeeper.io";
  public static final String VERSION = "v1alpha1";

  /** {@code kubectl get poolkeeper} lists every Poolkeeper object. */
  public static final String CATEGORY = "poolkeeper";
}
