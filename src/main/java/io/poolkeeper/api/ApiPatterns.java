package io.poolkeeper.api;

/**
 * Regular expressions used in the CRD schemas. They must mean the same in Go's RE2 (the API
 * server), in Java and in the JSON-schema validator of the tests: no look-around, no
 * back-references; {@code (?i)} is the only flag.
 */
public final class ApiPatterns {

  private ApiPatterns() {}

  public static final String SUBSCRIPTION_ID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  /** Azure resource group names: 1-90 letters, digits, '_', '-', '.', '(' or ')'. */
  public static final String RESOURCE_GROUP = "^[-\\w.()]{0,89}[-\\w()]$";

  /** Azure regions as ARM names them: lower-case letters and digits, e.g. westeurope. */
  public static final String LOCATION = "^[a-z][a-z0-9]{1,39}$";

  private static final String ARM_PREFIX =
      "^(?i)/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
          + "/resourceGroups/[-\\w.()]{1,90}/providers/";
  private static final String NAME = "[-\\w.]{1,80}";
  private static final String VERSION_NAME = "[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}";

  public static final String SNAPSHOT_ID =
      ARM_PREFIX + "Microsoft\\.Compute/snapshots/" + NAME + "$";
  public static final String VIRTUAL_MACHINE_ID =
      ARM_PREFIX + "Microsoft\\.Compute/virtualMachines/" + NAME + "$";
  public static final String MANAGED_IMAGE_ID =
      ARM_PREFIX + "Microsoft\\.Compute/images/" + NAME + "$";

  /**
   * What Batch accepts in imageReference.id: a gallery image version, a gallery image definition
   * (its latest version) or, in old API versions only, a managed image.
   */
  public static final String POOL_IMAGE_ID =
      ARM_PREFIX
          + "Microsoft\\.Compute/(images/"
          + NAME
          + "|galleries/"
          + NAME
          + "/images/"
          + NAME
          + "(/versions/("
          + VERSION_NAME
          + "|latest))?)$";

  /** A page blob holding a generalized VHD in an Azure storage account. */
  public static final String VHD_BLOB_URI =
      "^https://[a-z0-9]{3,24}\\.blob\\.[a-z0-9.]+/[-a-z0-9]{3,63}/[^?#]+\\.vhd$";

  /** Managed image names: start with a letter or digit, end with one or '_'. */
  public static final String MANAGED_IMAGE_NAME = "^[a-zA-Z0-9]([-\\w.]{0,78}\\w)?$";

  /** Gallery names: letters, digits, '.' and '_', not starting or ending with '.'. */
  public static final String GALLERY_NAME = "^[a-zA-Z0-9_]([a-zA-Z0-9_.]{0,78}[a-zA-Z0-9_])?$";

  /** Gallery image definition names: letters, digits, '.', '_' and '-'. */
  public static final String IMAGE_DEFINITION_NAME =
      "^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,78}[a-zA-Z0-9])?$";

  /** Gallery image definition identifier parts (publisher, offer, SKU). */
  public static final String IMAGE_IDENTIFIER_PART =
      "^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,126}[a-zA-Z0-9])?$";

  /** MAJOR.MINOR.PATCH, each a 32-bit integer without leading zeros. */
  public static final String IMAGE_VERSION =
      "^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})$";

  /** A user-assigned managed identity (3-128 characters, starting with a letter or digit). */
  public static final String USER_ASSIGNED_IDENTITY_ID =
      ARM_PREFIX + "Microsoft\\.ManagedIdentity/userAssignedIdentities/[a-zA-Z0-9][-\\w]{2,127}$";

  /** A subnet of a virtual network (2-64 and 1-80 characters). */
  public static final String SUBNET_ID =
      ARM_PREFIX + "Microsoft\\.Network/virtualNetworks/[-\\w.]{2,64}/subnets/[-\\w.]{1,80}$";

  public static final String PUBLIC_IP_ADDRESS_ID =
      ARM_PREFIX + "Microsoft\\.Network/publicIPAddresses/" + NAME + "$";

  /**
   * An application (its default version) in a Batch account. Batch's own examples also show it
   * under the pool's path (.../pools/{pool}/applications/{name}), which is accepted as well.
   */
  public static final String BATCH_APPLICATION_ID =
      ARM_PREFIX
          + "Microsoft\\.Batch/batchAccounts/[a-zA-Z0-9]{3,24}/(pools/[-\\w]{1,64}/)?applications/"
          + "[-\\w]{1,64}$";

  /** Keys of a Secret's data. */
  public static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";

  /** Storage account names: 3-24 lower-case letters and digits. */
  public static final String STORAGE_ACCOUNT_NAME = "^[a-z0-9]{3,24}$";

  /** Blob container names: lower-case letters, digits and single hyphens between them. */
  public static final String BLOB_CONTAINER_NAME = "^[a-z0-9](-?[a-z0-9])*$";

  /** An Azure Files share URL, https://{account}.file.core.windows.net/{share}. */
  public static final String AZURE_FILE_URL =
      "^https://[a-z0-9]{3,24}\\.file\\.[a-z0-9.]+/[a-z0-9](-?[a-z0-9]){2,62}/?$";

  /** An http or https URL without white space. */
  public static final String HTTP_URL = "^https?://[^\\s]+$";

  /** A path below a node directory: no leading '/', no backslash. */
  public static final String RELATIVE_PATH = "^[^/\\\\\\s][^\\\\]*$";

  /** A container registry host with an optional port, e.g. myregistry.azurecr.io. */
  public static final String REGISTRY_SERVER =
      "^[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?(:[0-9]{1,5})?$";

  /** Names of extensions, publishers and extension types. */
  public static final String EXTENSION_NAME = "^[a-zA-Z0-9]([-\\w.]{0,126}[\\w])?$";

  /** Versions of an extension handler, e.g. 1.0 or 2.1.3. */
  public static final String EXTENSION_VERSION = "^[0-9]{1,9}(\\.[0-9]{1,9}){0,3}$";

  /** Inbound NAT pool names: start with a letter or digit, end with one or '_', 77 at most. */
  public static final String INBOUND_NAT_POOL_NAME = "^[a-zA-Z0-9]([-\\w.]{0,75}\\w)?$";

  /** '*', a port or a port range, e.g. 100-200. */
  public static final String PORT_RANGE = "^(\\*|[0-9]{1,5}(-[0-9]{1,5})?)$";

  /** A Linux file mode in octal, e.g. 0770 or 755. */
  public static final String FILE_MODE = "^[0-7]{3,4}$";

  /** Versions of an application package. */
  public static final String APPLICATION_VERSION = "^[-\\w.]{1,64}$";

  /** Batch account names: 3-24 lower-case letters and digits. */
  public static final String BATCH_ACCOUNT_NAME = "^[a-z0-9]{3,24}$";

  /** Batch pool ids: up to 64 letters, digits, hyphens and underscores. */
  public static final String POOL_ID = "^[a-zA-Z0-9_-]{1,64}$";

  /** Azure VM sizes, e.g. Standard_D4s_v5. */
  public static final String VM_SIZE = "^[A-Za-z][A-Za-z0-9_]{1,63}$";

  /** Names of Kubernetes objects in the same namespace (RFC 1123 subdomain). */
  public static final String OBJECT_NAME =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** An RFC 3339 timestamp, e.g. 2027-12-31T00:00:00Z. */
  public static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  private static final String TIME_PART =
      "(T[0-9]+H([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?|T[0-9]+M([0-9]+(\\.[0-9]+)?S)?|T[0-9]+(\\.[0-9]+)?S)";

  private static final String POSITIVE_NUMBER = "0*[1-9][0-9]*";
  private static final String SECONDS = "[0-9]+(\\.[0-9]+)?S";
  private static final String POSITIVE_SECONDS =
      "(" + POSITIVE_NUMBER + "(\\.[0-9]+)?|[0-9]+\\.[0-9]*[1-9][0-9]*)S";

  /**
   * An ISO-8601 duration of days, hours, minutes and seconds that is longer than zero, e.g. PT1M,
   * PT0.5S or P1DT2H (PT0S and P0D are refused). It is written without look-ahead: one branch per
   * unit that may be the first one above zero, with any units before it.
   */
  public static final String POSITIVE_DURATION =
      "^P("
          + POSITIVE_NUMBER
          + "D"
          + TIME_PART
          + "?|([0-9]+D)?T("
          + POSITIVE_NUMBER
          + "H([0-9]+M)?("
          + SECONDS
          + ")?|([0-9]+H)?"
          + POSITIVE_NUMBER
          + "M("
          + SECONDS
          + ")?|([0-9]+H)?([0-9]+M)?"
          + POSITIVE_SECONDS
          + "))$";

  /**
   * An ISO-8601 duration of at least five minutes, Batch's minimum for resizeTimeout and
   * evaluationInterval. It is written without look-ahead: a day or an hour of one or more, or five
   * minutes or more, or 300 seconds or more. Mixed forms under an hour must reach five minutes in
   * the minutes part (PT4M60S is refused: write PT5M).
   */
  public static final String DURATION_AT_LEAST_5_MINUTES =
      "^P(0*[1-9][0-9]*D"
          + TIME_PART
          + "?|([0-9]+D)?T(0*[1-9][0-9]*H([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?"
          + "|(0+H)?0*([5-9]|[1-9][0-9]+)M([0-9]+(\\.[0-9]+)?S)?"
          + "|(0+H)?(0+M)?0*([3-9][0-9]{2}|[1-9][0-9]{3,})(\\.[0-9]+)?S))$";
}
