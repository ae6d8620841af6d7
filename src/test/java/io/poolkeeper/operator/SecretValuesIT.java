package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.kubetest.TestNamespaces;
import io.poolkeeper.operator.SecretValues.Reference;
import io.poolkeeper.operator.SecretValues.Resolved;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Secret keys named by secretKeyRef, read from the real API server. */
@ExtendWith(RealApiServer.class)
class SecretValuesIT {

  private static final Reference ACCOUNT_KEY = new Reference("render-storage", "accountKey");
  private static final Reference REGISTRY = new Reference("render-registry", "password");

  private final KubernetesClient client;
  private final String namespace;
  private final SecretValues secrets;

  SecretValuesIT(KubernetesClient client) {
    this.client = client;
    this.namespace = TestNamespaces.create(client, "secrets");
    this.secrets = new SecretValues(client);
  }

  @Test
  void theNamedKeysAreReadWithTheirSecretsVersions() {
    secret("render-storage", Map.of("accountKey", "s3cr3t-key", "other", "unused"));
    secret("render-registry", Map.of("password", "hunter2"));

    Resolved resolved = secrets.resolve(namespace, List.of(ACCOUNT_KEY, REGISTRY));

    assertThat(resolved.value(ACCOUNT_KEY)).isEqualTo("s3cr3t-key");
    assertThat(resolved.value(REGISTRY)).isEqualTo("hunter2");
    assertThat(resolved.versions()).containsOnlyKeys("render-registry", "render-storage");
    assertThat(resolved.toString()).doesNotContain("s3cr3t-key").doesNotContain("hunter2");
  }

  @Test
  void aChangedSecretHasANewVersion() {
    secret("render-storage", Map.of("accountKey", "old"));
    Resolved before = secrets.resolve(namespace, List.of(ACCOUNT_KEY));

    secret("render-storage", Map.of("accountKey", "new"));
    Resolved after = secrets.resolve(namespace, List.of(ACCOUNT_KEY));

    assertThat(after.value(ACCOUNT_KEY)).isEqualTo("new");
    assertThat(after.versions()).isNotEqualTo(before.versions());
  }

  @Test
  void aMissingSecretOrKeyIsNamedButNoValueIs() {
    secret("render-storage", Map.of("accountKey", "s3cr3t-key"));

    assertThatThrownBy(() -> secrets.resolve(namespace, List.of(REGISTRY)))
        .isInstanceOf(SecretValues.MissingSecretException.class)
        .hasMessageContaining("Secret render-registry does not exist");
    assertThatThrownBy(
            () -> secrets.resolve(namespace, List.of(new Reference("render-storage", "sasKey"))))
        .isInstanceOf(SecretValues.MissingSecretException.class)
        .hasMessageContaining("has no key sasKey")
        .hasMessageNotContaining("s3cr3t-key");
  }

  private void secret(String name, Map<String, String> values) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(values)
                .build())
        .serverSideApply();
  }
}
