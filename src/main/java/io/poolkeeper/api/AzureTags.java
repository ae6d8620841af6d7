package io.poolkeeper.api;

/**
 * Azure's limits on resource tags, shared by every {@code tags} map of the CRDs so that a tag Azure
 * would refuse is refused by kubectl first. Azure allows 50 tags per resource, names of at most 512
 * characters without {@code < > % & \ ? /}, values of at most 256 characters; the operator adds
 * {@link #OWNER} to what it creates, which leaves users 49.
 */
public final class AzureTags {

  private AzureTags() {}

  /**
   * The tag the operator puts on the Azure resources it creates, valued {@code
   * <namespace>/<name>/<uid>}. Azure tag names may not contain '/', hence no API-group prefix.
   */
  public static final String OWNER = "poolkeeper-owner";

  /** Tags a user may set: Azure's 50 per resource less the owner tag. */
  public static final int MAX_USER_TAGS = 49;

  public static final int MAX_VALUE_LENGTH = 256;

  static final String DESCRIPTION_LIMITS =
      " At most 49 tags (Azure allows 50 and Poolkeeper adds "
          + OWNER
          + " (<namespace>/<name>/<uid>) to the resources it creates); names up to 512 characters"
          + " without < > % & \\ ? / or control characters; values up to 256 characters.";

  static final String NAME_LENGTH_RULE = "self.all(name, size(name) <= 512)";
  static final String NAME_LENGTH_MESSAGE =
      "tags has a name longer than 512 characters, Azure's limit for tag names: shorten the tag"
          + " name.";

  /**
   * A CEL raw string, so RE2 sees the backslash class and the control-character range as written.
   */
  static final String NAME_CHARACTERS_RULE =
      "self.all(name, !name.matches(r'[<>%&\\\\?/\\x00-\\x1f\\x7f]'))";

  static final String NAME_CHARACTERS_MESSAGE =
      "tags has a name with a character Azure does not allow in tag names (< > % & \\ ? / or a"
          + " control character): rename the tag.";

  /** Azure compares tag names case-insensitively, so Poolkeeper-Owner would clash as well. */
  static final String OWNER_RULE = "!self.exists(name, name.lowerAscii() == '" + OWNER + "')";

  static final String OWNER_MESSAGE =
      "tags cannot set "
          + OWNER
          + ": it is set by the operator, to mark the Azure resources it created. Remove it from"
          + " tags.";
}
