package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What every Poolkeeper status carries: the generation it describes and its conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ObservedStatus {

  @JsonPropertyDescription(
      "metadata.generation that the operator last reconciled. Lower than metadata.generation"
          + " while a change is still being processed.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Current state in kstatus conditions: Ready, Reconciling, Stalled and kind-specific ones.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription(
      "The Azure operation the operator is following, if one is running (create, update or"
          + " delete).")
  private PendingOperation pendingOperation;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public PendingOperation getPendingOperation() {
    return pendingOperation;
  }

  public void setPendingOperation(PendingOperation pendingOperation) {
    this.pendingOperation = pendingOperation;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
