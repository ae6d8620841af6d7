package io.poolkeeper.batchpool;

import io.poolkeeper.batchpool.PoolSettingsMapper.SecretUse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which pool settings changed because a Secret they use changed, and which Secret versions {@code
 * status.appliedSecretVersions} records. Azure never returns a secret, so the resourceVersion of
 * each Secret whose values the operator last sent is how it knows to send them again.
 */
final class AppliedSecrets {

  private AppliedSecrets() {}

  /**
   * The settings that use a Secret whose resourceVersion is not the one last applied, each with the
   * names of those Secrets. A Secret with no applied version counts as changed too (the spec now
   * names another Secret), except while nothing is recorded at all: a pool created before the
   * operator recorded versions, or adopted, whose secret values nobody can read back.
   *
   * @param applied the versions in status, Secret name to resourceVersion
   * @param current the versions just read, Secret name to resourceVersion
   */
  static Map<String, Set<String>> changes(
      List<SecretUse> uses, Map<String, String> applied, Map<String, String> current) {
    Map<String, Set<String>> changed = new TreeMap<>();
    if (applied.isEmpty()) {
      return changed;
    }
    for (SecretUse use : uses) {
      String secret = use.reference().secretName();
      if (!Objects.equals(current.get(secret), applied.get(secret))) {
        changed.computeIfAbsent(use.setting(), setting -> new TreeSet<>()).add(secret);
      }
    }
    return changed;
  }

  /**
   * The versions to record once a write that carried {@code sent} settings succeeded (every setting
   * for a create, none when nothing is written): a Secret all of whose settings were sent at its
   * current version, any other at the version applied before. A Secret seen while nothing is
   * recorded is recorded as it is (see {@link #changes}); one the spec no longer names is dropped.
   */
  static Map<String, String> recorded(
      List<SecretUse> uses,
      Map<String, String> applied,
      Map<String, String> current,
      Set<String> sent) {
    Map<String, String> recorded = new TreeMap<>();
    for (SecretUse use : uses) {
      String secret = use.reference().secretName();
      boolean allSent =
          uses.stream()
              .filter(other -> other.reference().secretName().equals(secret))
              .allMatch(other -> sent.contains(other.setting()));
      if (allSent || applied.isEmpty()) {
        recorded.put(secret, current.get(secret));
      } else if (applied.containsKey(secret)) {
        recorded.put(secret, applied.get(secret));
      }
    }
    return recorded;
  }
}
