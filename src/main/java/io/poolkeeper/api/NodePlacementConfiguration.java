package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Batch's NodePlacementConfiguration: how nodes spread over the region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodePlacementConfiguration {

  @JsonPropertyDescription(
      "Regional (Batch's default: anywhere in the region) or Zonal (spread over availability"
          + " zones, best effort)."
          + AT_ZERO_NODES)
  @Required
  private Policy policy;

  public Policy getPolicy() {
    return policy;
  }

  public void setPolicy(Policy policy) {
    this.policy = policy;
  }

  /** Batch's NodePlacementPolicyType. */
  public enum Policy {
    Regional,
    Zonal
  }
}
