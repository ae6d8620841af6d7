package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * A password or key Azure needs, taken from a Secret so that it never appears in the spec, as
 * Kubernetes' own env[].valueFrom.secretKeyRef does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretValue {

  static final String DESCRIPTION =
      "The operator reads just that Secret, with get (never list or watch), sends the value to"
          + " Azure and never writes it to status, events or logs; when the Secret changes it"
          + " applies the new value to the pool.";

  @JsonPropertyDescription("A key of a Secret in this object's namespace. " + DESCRIPTION)
  @Required
  private SecretKeyRef secretKeyRef;

  public SecretValue() {}

  public SecretValue(SecretKeyRef secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }

  public SecretKeyRef getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeyRef secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }
}
