package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An object that references an image and so keeps it in place. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UsedBy {

  @JsonPropertyDescription("Kind of the referencing object, e.g. BatchPool.")
  private String kind;

  @JsonPropertyDescription("metadata.name of the referencing object, in the same namespace.")
  private String name;

  public UsedBy() {}

  public UsedBy(String kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
