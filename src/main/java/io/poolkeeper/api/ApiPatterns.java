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
