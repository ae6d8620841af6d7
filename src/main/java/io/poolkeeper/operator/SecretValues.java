package io.poolkeeper.operator;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passwords and keys a pool needs (mount credentials, registry and user passwords), read from the
 * Secrets a spec names by {@code secretKeyRef}: each named Secret with one {@code get} (never a
 * list or a watch, so the operator needs no wider access to Secrets), and never written anywhere:
 * not to status, Events or logs. What a reconciler may keep is each Secret's resourceVersion, so it
 * knows when to apply a changed value.
 */
public final class SecretValues {

  private final KubernetesClient client;

  public SecretValues(KubernetesClient client) {
    this.client = client;
  }

  /** A key of a Secret in the object's namespace. */
  public record Reference(String secretName, String key) {}

  /**
   * The values found, and the resourceVersion of every Secret read.
   *
   * @param versions secret name to resourceVersion, sorted, safe to keep in status
   */
  public record Resolved(Map<Reference, String> values, Map<String, String> versions) {

    public Resolved {
      values = Map.copyOf(values);
      versions = Map.copyOf(new TreeMap<>(versions));
    }

    public String value(Reference reference) {
      return values.get(reference);
    }

    /** Never the values. */
    @Override
    public String toString() {
      return "Resolved" + versions;
    }
  }

  /**
   * Reads every referenced key. A missing Secret or key is a {@link MissingSecretException} naming
   * the Secret and key (never a value), which leaves the object Stalled until someone creates it.
   */
  public Resolved resolve(String namespace, Collection<Reference> references) {
    Map<String, Secret> secrets = new LinkedHashMap<>();
    Map<Reference, String> values = new LinkedHashMap<>();
    Map<String, String> versions = new LinkedHashMap<>();
    for (Reference reference : references) {
      Secret secret =
          secrets.computeIfAbsent(
              reference.secretName(),
              name -> client.secrets().inNamespace(namespace).withName(name).get());
      if (secret == null) {
        throw new MissingSecretException(
            "Secret "
                + reference.secretName()
                + " does not exist in namespace "
                + namespace
                + ": create it with the key "
                + reference.key()
                + ", or change the secretKeyRef.");
      }
      versions.put(reference.secretName(), secret.getMetadata().getResourceVersion());
      values.put(reference, valueOf(secret, reference, namespace));
    }
    return new Resolved(values, versions);
  }

  private static String valueOf(Secret secret, Reference reference, String namespace) {
    if (secret.getStringData() != null && secret.getStringData().containsKey(reference.key())) {
      return secret.getStringData().get(reference.key());
    }
    if (secret.getData() != null && secret.getData().containsKey(reference.key())) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(reference.key())),
          StandardCharsets.UTF_8);
    }
    throw new MissingSecretException(
        "Secret "
            + reference.secretName()
            + " in namespace "
            + namespace
            + " has no key "
            + reference.key()
            + ": add it, or change the secretKeyRef.");
  }

  /** A Secret or key a spec names does not exist. */
  public static final class MissingSecretException extends RuntimeException {
    MissingSecretException(String message) {
      super(message);
    }
  }
}
