package io.poolkeeper.emulator.arm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every resource the emulator holds, keyed by case-insensitive ID, plus the subscriptions it knows
 * and a tombstone per deleted resource (when its deletion started), so that a pool whose image was
 * deleted fails from the moment of deletion however late the emulator notices.
 */
public final class ResourceStore {

  private final Set<String> subscriptions = new HashSet<>();
  private final Map<String, ArmResource> resources = new LinkedHashMap<>();
  private final Map<String, Instant> deletedAt = new HashMap<>();

  public void addSubscription(String subscriptionId) {
    subscriptions.add(subscriptionId.toLowerCase(Locale.ROOT));
  }

  boolean hasSubscription(String subscriptionId) {
    return subscriptions.contains(subscriptionId.toLowerCase(Locale.ROOT));
  }

  public Optional<ArmResource> find(ResourceId id) {
    return Optional.ofNullable(resources.get(id.key()));
  }

  public <T extends ArmResource> Optional<T> find(ResourceId id, Class<T> type) {
    return find(id).filter(type::isInstance).map(type::cast);
  }

  /** Present and not being deleted. */
  public boolean isUsable(ResourceId id) {
    return find(id).map(ArmResource::isUsable).orElse(false);
  }

  /**
   * When {@code id} stopped being usable: its deletion start or tombstone, the epoch for something
   * that never existed, or {@code null} while it is usable.
   */
  public Instant unusableSince(ResourceId id) {
    ArmResource resource = resources.get(id.key());
    if (resource != null) {
      if (resource.isDeleting()) {
        return resource.deletionStartedAt();
      }
      return resource.isUsable() ? null : Instant.EPOCH;
    }
    return deletedAt.getOrDefault(id.key(), Instant.EPOCH);
  }

  public void put(ArmResource resource) {
    resources.put(resource.id().key(), resource);
    deletedAt.remove(resource.id().key());
  }

  /** Removes a resource and everything below it, remembering when their deletion started. */
  public void remove(ResourceId id, Instant deletionStartedAt) {
    for (ArmResource resource : within(id)) {
      resources.remove(resource.id().key());
      deletedAt.put(resource.id().key(), deletionStartedAt);
    }
  }

  /** The direct children of {@code parent} whose full type is {@code type}, in creation order. */
  public List<ArmResource> children(ResourceId parent, String type) {
    List<ArmResource> children = new ArrayList<>();
    for (ArmResource resource : resources.values()) {
      ResourceId candidate = resource.id();
      if (candidate.type().equalsIgnoreCase(type)
          && candidate.parent() != null
          && candidate.parent().equals(parent)) {
        children.add(resource);
      }
    }
    return children;
  }

  /** {@code scope} itself (if held) and everything below it. */
  List<ArmResource> within(ResourceId scope) {
    List<ArmResource> found = new ArrayList<>();
    for (ArmResource resource : resources.values()) {
      if (resource.id().isWithin(scope)) {
        found.add(resource);
      }
    }
    return found;
  }

  public List<ArmResource> all() {
    return new ArrayList<>(resources.values());
  }

  <T extends ArmResource> List<T> all(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (ArmResource resource : resources.values()) {
      if (type.isInstance(resource)) {
        found.add(type.cast(resource));
      }
    }
    return found;
  }

  void clear() {
    subscriptions.clear();
    resources.clear();
    deletedAt.clear();
  }
}
