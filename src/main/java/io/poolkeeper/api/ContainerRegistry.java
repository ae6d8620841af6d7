package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.PREFER_IDENTITY;
import static io.poolkeeper.api.ChangeNotes.SECRET;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Batch's ContainerRegistry: a private registry and how nodes log in to it. Its fields change as
 * the block that holds it does, so their descriptions leave that to the block.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.identityReference) ? !has(self.userName) && !has(self.password)"
            + " : has(self.userName) && has(self.password)",
    message =
        "a container registry needs either identityReference (recommended for Azure Container"
            + " Registry) or userName with password, not both.")
public class ContainerRegistry {

  @JsonPropertyDescription(
      "Registry host, e.g. myregistry.azurecr.io; Batch's default is docker.io. Changes as the"
          + " block that holds it.")
  @Pattern(ApiPatterns.REGISTRY_SERVER)
  @Size(max = 253)
  private String registryServer;

  @JsonPropertyDescription(
      "The managed identity the nodes pull with (it needs AcrPull on the registry). Changes as"
          + " the block that holds it.")
  private IdentityReference identityReference;

  @JsonPropertyDescription(
      "User name to log in with, together with password. Changes as the block that holds it.")
  @Size(min = 1, max = 256)
  private String userName;

  @JsonPropertyDescription(
      "Password to log in with, together with userName."
          + SECRET
          + PREFER_IDENTITY
          + " Changes as the block that holds it.")
  private SecretValue password;

  public String getRegistryServer() {
    return registryServer;
  }

  public void setRegistryServer(String registryServer) {
    this.registryServer = registryServer;
  }

  public IdentityReference getIdentityReference() {
    return identityReference;
  }

  public void setIdentityReference(IdentityReference identityReference) {
    this.identityReference = identityReference;
  }

  public String getUserName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
  }

  public SecretValue getPassword() {
    return password;
  }

  public void setPassword(SecretValue password) {
    this.password = password;
  }
}
