package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Batch's BatchPoolIdentity. Batch keys userAssignedIdentities by resource ID with values it fills
 * in itself; the spec lists the IDs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.userAssignedIdentities) == (self.type == 'UserAssigned')",
    message =
        "identity: type UserAssigned needs userAssignedIdentities, and type None takes none. List"
            + " the identities or set type None.")
public class PoolIdentity {

  @JsonPropertyDescription(
      "UserAssigned (the identities of userAssignedIdentities) or None (no identity)."
          + AT_ZERO_NODES)
  @Required
  private Type type;

  @JsonPropertyDescription(
      "Resource IDs of user-assigned managed identities, each once:"
          + " /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity"
          + "/userAssignedIdentities/<name>. Nodes use them wherever an identityReference names"
          + " one. Batch gives a changed list only to nodes created after the pool shrank to zero."
          + AT_ZERO_NODES)
  @Size(min = 1, max = 20)
  @ValidationRule(
      value = "self.all(i, self.exists_one(j, j.lowerAscii() == i.lowerAscii()))",
      message =
          "identity.userAssignedIdentities lists an identity twice (resource IDs compare"
              + " case-insensitively): list each once.")
  private List<@Pattern(ApiPatterns.USER_ASSIGNED_IDENTITY_ID) @Size(max = 1024) String>
      userAssignedIdentities;

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public List<String> getUserAssignedIdentities() {
    return userAssignedIdentities;
  }

  public void setUserAssignedIdentities(List<String> userAssignedIdentities) {
    this.userAssignedIdentities = userAssignedIdentities;
  }

  /** Batch's PoolIdentityType. */
  public enum Type {
    UserAssigned,
    None
  }
}
