package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Batch's ContainerConfiguration: nodes that run tasks in containers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerConfiguration {

  @JsonPropertyDescription(
      "The container technology: DockerCompatible or CriCompatible." + AT_ZERO_NODES)
  @Required
  private ContainerType type;

  @JsonPropertyDescription(
      "Images every node pulls when it starts, as 'docker pull' takes them; without a registry"
          + " host they come from Docker Hub."
          + AT_ZERO_NODES)
  @Size(max = 50)
  private List<@Size(min = 1, max = 1024) String> containerImageNames;

  @JsonPropertyDescription(
      "Private registries the images come from, each with an identityReference (recommended) or"
          + " a user name and password."
          + AT_ZERO_NODES)
  @Size(max = 10)
  private List<ContainerRegistry> containerRegistries;

  public ContainerType getType() {
    return type;
  }

  public void setType(ContainerType type) {
    this.type = type;
  }

  public List<String> getContainerImageNames() {
    return containerImageNames;
  }

  public void setContainerImageNames(List<String> containerImageNames) {
    this.containerImageNames = containerImageNames;
  }

  public List<ContainerRegistry> getContainerRegistries() {
    return containerRegistries;
  }

  public void setContainerRegistries(List<ContainerRegistry> containerRegistries) {
    this.containerRegistries = containerRegistries;
  }

  /** Batch's ContainerType. */
  public enum ContainerType {
    DockerCompatible,
    CriCompatible
  }
}
