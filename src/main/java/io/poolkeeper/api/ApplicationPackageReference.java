package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.IN_PLACE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Batch's ApplicationPackageReference: a package of the Batch account installed on each node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationPackageReference {

  @JsonPropertyDescription(
      "Resource ID of the application in the pool's Batch account, /subscriptions/<id>"
          + "/resourceGroups/<rg>/providers/Microsoft.Batch/batchAccounts/<account>/applications"
          + "/<name>."
          + IN_PLACE)
  @Required
  @Pattern(ApiPatterns.BATCH_APPLICATION_ID)
  @Size(max = 1024)
  private String id;

  @JsonPropertyDescription(
      "Version of the package; without it the application's default version, and Batch"
          + " refuses the pool (InvalidApplicationPackageReferences) if there is none."
          + IN_PLACE)
  @Pattern(ApiPatterns.APPLICATION_VERSION)
  @Size(max = 64)
  private String version;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
