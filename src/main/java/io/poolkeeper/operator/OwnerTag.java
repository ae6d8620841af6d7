package io.poolkeeper.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Azure tag that marks a resource as created (or adopted) by one object: {@code
 * poolkeeper-owner: <namespace>/<name>/<uid>}. Azure tag names may not contain '/', values may.
 * Poolkeeper deletes only resources whose tag names the object being deleted.
 */
public final class OwnerTag {

  public static final String KEY = "poolkeeper-owner";

  /** The annotation that lets an object take over an existing resource without our tag. */
  public static final String ADOPT_ANNOTATION = "poolkeeper.io/adopt";

  private OwnerTag() {}

  public static String value(HasMetadata owner) {
    return owner.getMetadata().getNamespace()
        + "/"
        + owner.getMetadata().getName()
        + "/"
        + owner.getMetadata().getUid();
  }

  /** Whether the tags name this object (same namespace, name and uid) as owner. */
  public static boolean ownedBy(Map<String, String> tags, HasMetadata owner) {
    return value(owner).equals(ownerOf(tags));
  }

  /**
   * Whether a resource is this object's to manage: its owner tag names the object, or the tag is
   * gone (drift) from a resource the object already manages, as its status records.
   */
  public static boolean managedBy(
      Map<String, String> tags, HasMetadata owner, boolean recordedInStatus) {
    return ownedBy(tags, owner) || (ownerOf(tags) == null && recordedInStatus);
  }

  /** The owner tag's value, whatever the case of its key, or {@code null}. */
  public static String ownerOf(Map<String, String> tags) {
    if (tags == null) {
      return null;
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (tag.getKey().equalsIgnoreCase(KEY)) {
        return tag.getValue();
      }
    }
    return null;
  }

  /** Whether the object asks to adopt an existing resource. */
  public static boolean adoptionRequested(HasMetadata owner) {
    Map<String, String> annotations = owner.getMetadata().getAnnotations();
    return annotations != null && "true".equalsIgnoreCase(annotations.get(ADOPT_ANNOTATION));
  }

  /** The user's tags plus the owner tag: what the Azure resource should carry. */
  public static Map<String, String> withOwner(Map<String, String> userTags, HasMetadata owner) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (userTags != null) {
      tags.putAll(userTags);
    }
    tags.put(KEY, value(owner));
    return tags;
  }
}
