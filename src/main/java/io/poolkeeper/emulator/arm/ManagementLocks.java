package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Management locks ({@code Microsoft.Authorization/locks}) by scope, and the rule Azure applies:
 * any lock at a scope or above it blocks deletion; a {@code ReadOnly} lock also blocks writes.
 * Deleting a resource group is blocked by locks on anything inside it as well.
 */
final class ManagementLocks {

  static final String TYPE = "Microsoft.Authorization/locks";
  static final String CAN_NOT_DELETE = "CanNotDelete";
  static final String READ_ONLY = "ReadOnly";

  /** One lock; {@code notes} and {@code owners} are kept as given. */
  record Lock(ResourceId scope, String name, String level, String notes, JsonNode owners) {

    String id() {
      return scope + "/providers/" + TYPE + "/" + name;
    }

    ObjectNode toJson() {
      ObjectNode json = EmulatorJson.object();
      ObjectNode properties = json.putObject("properties");
      properties.put("level", level);
      if (notes != null) {
        properties.put("notes", notes);
      }
      if (owners != null) {
        properties.set("owners", owners);
      }
      json.put("id", id());
      json.put("type", TYPE);
      json.put("name", name);
      return json;
    }
  }

  private final Map<String, Lock> locks = new LinkedHashMap<>();

  /** Creates or replaces a lock; returns true if it is new. */
  boolean put(Lock lock) {
    return locks.put(key(lock.scope(), lock.name()), lock) == null;
  }

  Optional<Lock> find(ResourceId scope, String name) {
    return Optional.ofNullable(locks.get(key(scope, name)));
  }

  boolean remove(ResourceId scope, String name) {
    return locks.remove(key(scope, name)) != null;
  }

  List<Lock> all() {
    return List.copyOf(locks.values());
  }

  /** Locks placed exactly at {@code scope}. */
  List<Lock> atScope(ResourceId scope) {
    List<Lock> found = new ArrayList<>();
    for (Lock lock : locks.values()) {
      if (lock.scope().equals(scope)) {
        found.add(lock);
      }
    }
    return found;
  }

  /** Locks that apply to {@code scope}: at it or at any scope above it. */
  List<Lock> applyingTo(ResourceId scope) {
    List<Lock> found = new ArrayList<>();
    for (Lock lock : locks.values()) {
      if (scope.isWithin(lock.scope())) {
        found.add(lock);
      }
    }
    return found;
  }

  /** The scopes whose locks forbid deleting {@code target} (and what it contains). */
  List<String> scopesBlockingDelete(ResourceId target) {
    Set<String> scopes = new LinkedHashSet<>();
    for (Lock lock : locks.values()) {
      if (target.isWithin(lock.scope()) || lock.scope().isWithin(target)) {
        scopes.add(lock.scope().toString());
      }
    }
    return List.copyOf(scopes);
  }

  /** The scopes whose ReadOnly locks forbid changing {@code target}. */
  List<String> scopesBlockingWrite(ResourceId target) {
    Set<String> scopes = new LinkedHashSet<>();
    for (Lock lock : applyingTo(target)) {
      if (lock.level().equals(READ_ONLY)) {
        scopes.add(lock.scope().toString());
      }
    }
    return List.copyOf(scopes);
  }

  /** Forgets the locks of deleted resources. */
  void removeWithin(ResourceId scope) {
    locks.values().removeIf(lock -> lock.scope().isWithin(scope));
  }

  void clear() {
    locks.clear();
  }

  private static String key(ResourceId scope, String name) {
    return scope.key() + "|" + name.toLowerCase(Locale.ROOT);
  }
}
