package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Batch's DiskEncryptionConfiguration: disks Batch encrypts on each node. Batch does not offer it
 * on Linux pools of Marketplace or gallery images.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DiskEncryptionConfiguration {

  @JsonPropertyDescription(
      "The disks to encrypt, each once: OsDisk and TemporaryDisk (both on Windows pools), or"
          + " TemporaryDisk alone on Linux pools."
          + AT_ZERO_NODES)
  @Required
  @Size(min = 1, max = 2)
  @ValidationRule(
      value = "self.all(t, self.exists_one(u, u == t))",
      message = "diskEncryptionConfiguration.targets lists a disk twice: list each once.")
  private List<Target> targets;

  public List<Target> getTargets() {
    return targets;
  }

  public void setTargets(List<Target> targets) {
    this.targets = targets;
  }

  /** Batch's DiskEncryptionTarget. */
  public enum Target {
    OsDisk,
    TemporaryDisk
  }
}
