package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * One key of a Secret in the object's namespace: where a password or key Azure needs comes from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

  @JsonPropertyDescription("metadata.name of the Secret, in this object's namespace.")
  @Required
  @Pattern(ApiPatterns.OBJECT_NAME)
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("The key in the Secret's data whose value is used.")
  @Required
  @Pattern(ApiPatterns.SECRET_KEY)
  @Size(max = 253)
  private String key;

  public SecretKeyRef() {}

  public SecretKeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
