package io.poolkeeper.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
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

  /**
   * Strict JSON for values that hold a JSON object: fabric8's unmarshal would take YAML as well,
   * and trailing text after the object is refused rather than ignored.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

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

    /** Nothing resolved: for an object that names no Secret. */
    public static final Resolved NONE = new Resolved(Map.of(), Map.of());

    public Resolved {
      values = Map.copyOf(values);
      versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    }

    /** The value of the key, or {@code null} if it was not among those resolved. */
    public String value(Reference reference) {
      return values.get(reference);
    }

    /**
     * The value of a key that must hold a JSON object (a VM extension's protected settings). Any
     * other value is an {@link InvalidSecretException} naming the Secret and key; neither the value
     * nor the parser's message, which quotes it, goes into it.
     *
     * @throws IllegalArgumentException if the key was not among those resolved
     */
    public Map<String, Object> jsonObject(Reference reference) {
      String value = values.get(reference);
      if (value == null) {
        throw new IllegalArgumentException(
            "Secret " + reference.secretName() + " key " + reference.key() + " was not resolved");
      }
      JsonNode parsed;
      try {
        parsed = JSON.readTree(value);
      } catch (JsonProcessingException e) {
        parsed = null;
      }
      if (parsed == null || !parsed.isObject()) {
        throw new InvalidSecretException(
            "Secret "
                + reference.secretName()
                + " key "
                + reference.key()
                + " does not hold a JSON object, which the setting that names it needs (such as"
                + " {\"key\": \"value\"}): correct the value in the Secret.");
      }
      return Collections.unmodifiableMap(
          JSON.convertValue(parsed, new TypeReference<LinkedHashMap<String, Object>>() {}));
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

  /** A key a spec names holds a value the setting cannot take. */
  public static final class InvalidSecretException extends RuntimeException {
    InvalidSecretException(String message) {
      super(message);
    }
  }
}
