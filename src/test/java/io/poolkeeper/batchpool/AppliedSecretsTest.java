package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.batchpool.PoolSettingsMapper.SecretUse;
import io.poolkeeper.operator.SecretValues.Reference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which settings a changed Secret changes and which versions status records. Batch never returns a
 * value the 2026-08-01 schema marks x-ms-secret, so the Secret's resourceVersion stands for it.
 */
class AppliedSecretsTest {

  private static final SecretUse START_TASK =
      new SecretUse("startTask", new Reference("registry", "password"));
  private static final SecretUse MOUNT =
      new SecretUse("mountConfiguration", new Reference("storage", "accountKey"));
  private static final SecretUse MOUNT_SAME_SECRET_AS_START_TASK =
      new SecretUse("mountConfiguration", new Reference("registry", "mountPassword"));

  @Test
  void aSecretAtAnotherVersionChangesEverySettingThatUsesIt() {
    List<SecretUse> uses = List.of(START_TASK, MOUNT, MOUNT_SAME_SECRET_AS_START_TASK);

    Map<String, Set<String>> changes =
        AppliedSecrets.changes(
            uses, Map.of("registry", "1", "storage", "7"), Map.of("registry", "2", "storage", "7"));

    assertThat(changes)
        .containsExactly(
            Map.entry("mountConfiguration", Set.of("registry")),
            Map.entry("startTask", Set.of("registry")));
  }

  @Test
  void nothingChangesWhileNothingIsRecordedButANewSecretOnATrackedPoolDoes() {
    List<SecretUse> uses = List.of(START_TASK, MOUNT);
    Map<String, String> current = Map.of("registry", "2", "storage", "7");

    assertThat(AppliedSecrets.changes(uses, Map.of(), current)).isEmpty();
    assertThat(AppliedSecrets.changes(uses, Map.of("storage", "7"), current))
        .containsExactly(Map.entry("startTask", Set.of("registry")));
  }

  @Test
  void aSecretIsRecordedAtItsNewVersionOnlyWhenEverySettingUsingItWasSent() {
    List<SecretUse> uses = List.of(START_TASK, MOUNT, MOUNT_SAME_SECRET_AS_START_TASK);
    Map<String, String> applied = Map.of("registry", "1", "storage", "7", "gone", "3");
    Map<String, String> current = Map.of("registry", "2", "storage", "8");

    assertThat(AppliedSecrets.recorded(uses, applied, current, Set.of("startTask")))
        .containsExactly(Map.entry("registry", "1"), Map.entry("storage", "7"));
    assertThat(
            AppliedSecrets.recorded(
                uses, applied, current, Set.of("startTask", "mountConfiguration")))
        .containsExactly(Map.entry("registry", "2"), Map.entry("storage", "8"));
    assertThat(AppliedSecrets.recorded(uses, Map.of(), current, Set.of()))
        .containsExactly(Map.entry("registry", "2"), Map.entry("storage", "8"));
  }
}
