package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A status condition in the Kubernetes (kstatus) convention, so Flux and kubectl read health as is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

  @JsonPropertyDescription(
      "Type of the condition: Ready, Reconciling, Stalled, or a kind-specific one such as InUse,"
          + " Replicated, ImageReady, Resizing or CapacityLimited.")
  private String type;

  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("Machine-readable reason for the last transition, in CamelCase.")
  private String reason;

  @JsonPropertyDescription("Human-readable explanation: what is happening and what to do about it.")
  private String message;

  @JsonPropertyDescription("When the condition last changed status (RFC 3339).")
  private String lastTransitionTime;

  @JsonPropertyDescription("metadata.generation of the object this condition was computed from.")
  private Long observedGeneration;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
