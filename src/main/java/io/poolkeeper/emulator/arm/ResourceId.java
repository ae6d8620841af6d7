package io.poolkeeper.emulator.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An ARM resource ID: a subscription, optionally a resource group, and optionally a provider
 * namespace with a chain of type/name pairs ({@code galleries/g/images/i/versions/1.0.0}). Segment
 * names are matched without regard to case, as ARM does; {@link #key()} is the case-insensitive
 * identity and {@link #toString()} the canonical spelling.
 */
public final class ResourceId {

  static final String RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups";
  static final String SUBSCRIPTION_TYPE = "Microsoft.Resources/subscriptions";

  private final String subscriptionId;
  private final String resourceGroup;
  private final String namespace;
  private final List<String> types;
  private final List<String> names;

  private ResourceId(
      String subscriptionId,
      String resourceGroup,
      String namespace,
      List<String> types,
      List<String> names) {
    this.subscriptionId = Objects.requireNonNull(subscriptionId);
    this.resourceGroup = resourceGroup;
    this.namespace = namespace;
    this.types = List.copyOf(types);
    this.names = List.copyOf(names);
  }

  static ResourceId subscription(String subscriptionId) {
    return new ResourceId(subscriptionId, null, null, List.of(), List.of());
  }

  public static ResourceId resourceGroup(String subscriptionId, String resourceGroup) {
    return new ResourceId(subscriptionId, resourceGroup, null, List.of(), List.of());
  }

  /**
   * Parses an ID such as {@code /subscriptions/s/resourceGroups/rg/providers/Ns/t/n}. The leading
   * slash is optional (some reference documents omit it); empty segments are ignored.
   */
  public static ResourceId parse(String id) {
    List<String> segments = new ArrayList<>();
    for (String segment : id.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return fromSegments(segments);
  }

  /** Builds an ID from path segments; throws {@link IllegalArgumentException} if malformed. */
  static ResourceId fromSegments(List<String> segments) {
    if (segments.size() < 2 || !segments.get(0).equalsIgnoreCase("subscriptions")) {
      throw new IllegalArgumentException("not a resource ID: /" + String.join("/", segments));
    }
    String subscription = segments.get(1);
    if (segments.size() == 2) {
      return subscription(subscription);
    }
    if (segments.size() < 4 || !segments.get(2).equalsIgnoreCase("resourceGroups")) {
      throw new IllegalArgumentException("not a resource ID: /" + String.join("/", segments));
    }
    String group = segments.get(3);
    if (segments.size() == 4) {
      return resourceGroup(subscription, group);
    }
    if (segments.size() < 8
        || segments.size() % 2 != 0
        || !segments.get(4).equalsIgnoreCase("providers")) {
      throw new IllegalArgumentException("not a resource ID: /" + String.join("/", segments));
    }
    List<String> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 6; i < segments.size(); i += 2) {
      types.add(segments.get(i));
      names.add(segments.get(i + 1));
    }
    return new ResourceId(subscription, group, segments.get(5), types, names);
  }

  public String subscriptionId() {
    return subscriptionId;
  }

  /** The resource group name, or {@code null} for a subscription ID. */
  public String resourceGroup() {
    return resourceGroup;
  }

  boolean isSubscription() {
    return resourceGroup == null;
  }

  public boolean isResourceGroup() {
    return resourceGroup != null && namespace == null;
  }

  String namespace() {
    return namespace;
  }

  /** The name of the resource itself (the resource group's name for a resource group ID). */
  public String name() {
    if (isSubscription()) {
      return subscriptionId;
    }
    return names.isEmpty() ? resourceGroup : names.get(names.size() - 1);
  }

  /** The full type, such as {@code Microsoft.Compute/galleries/images}. */
  public String type() {
    if (isSubscription()) {
      return SUBSCRIPTION_TYPE;
    }
    if (isResourceGroup()) {
      return RESOURCE_GROUP_TYPE;
    }
    return namespace + "/" + String.join("/", types);
  }

  /** The type without its namespace, such as {@code galleries/images}, as ARM messages name it. */
  String typeWithoutNamespace() {
    return String.join("/", types);
  }

  public ResourceId resourceGroupId() {
    return isSubscription() ? this : resourceGroup(subscriptionId, resourceGroup);
  }

  /** The enclosing resource, resource group or subscription; {@code null} for a subscription. */
  public ResourceId parent() {
    if (isSubscription()) {
      return null;
    }
    if (isResourceGroup()) {
      return subscription(subscriptionId);
    }
    if (types.size() == 1) {
      return resourceGroupId();
    }
    return new ResourceId(
        subscriptionId,
        resourceGroup,
        namespace,
        types.subList(0, types.size() - 1),
        names.subList(0, names.size() - 1));
  }

  /** The same resource spelled with the canonical type segments of {@code canonicalType}. */
  public ResourceId withCanonicalType(String canonicalType) {
    if (namespace == null) {
      return this;
    }
    String[] parts = canonicalType.split("/");
    if (parts.length != types.size() + 1) {
      throw new IllegalArgumentException(canonicalType + " does not fit " + this);
    }
    List<String> canonicalTypes = List.of(parts).subList(1, parts.length);
    return new ResourceId(subscriptionId, resourceGroup, parts[0], canonicalTypes, names);
  }

  /** All enclosing scopes from the subscription down to this ID itself. */
  List<ResourceId> scopesFromSubscription() {
    List<ResourceId> scopes = new ArrayList<>();
    for (ResourceId scope = this; scope != null; scope = scope.parent()) {
      scopes.add(0, scope);
    }
    return scopes;
  }

  /** True if this ID is {@code scope} or lies below it. */
  boolean isWithin(ResourceId scope) {
    String mine = key();
    String theirs = scope.key();
    return mine.equals(theirs) || mine.startsWith(theirs + "/");
  }

  /** The case-insensitive identity of this ID. */
  public String key() {
    return toString().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    StringBuilder id = new StringBuilder("/subscriptions/").append(subscriptionId);
    if (resourceGroup != null) {
      id.append("/resourceGroups/").append(resourceGroup);
    }
    if (namespace != null) {
      id.append("/providers/").append(namespace);
      for (int i = 0; i < types.size(); i++) {
        id.append('/').append(types.get(i)).append('/').append(names.get(i));
      }
    }
    return id.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceId id && id.key().equals(key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }
}
