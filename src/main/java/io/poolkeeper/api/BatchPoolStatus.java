package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;

/** What the operator observed of a Batch pool. Written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchPoolStatus extends ObservedStatus {

  @JsonPropertyDescription("Azure resource ID of the pool.")
  private String poolResourceId;

  @JsonPropertyDescription("allocationState of the pool in Azure: Steady, Resizing or Stopping.")
  private String allocationState;

  @JsonPropertyDescription("Dedicated nodes the pool has now.")
  @StatusReplicas
  private Integer currentDedicatedNodes;

  @JsonPropertyDescription("Low-priority nodes the pool has now.")
  private Integer currentLowPriorityNodes;

  @JsonPropertyDescription("Dedicated nodes Azure is asked for.")
  private Integer targetDedicatedNodes;

  @JsonPropertyDescription("Low-priority nodes Azure is asked for.")
  private Integer targetLowPriorityNodes;

  @JsonPropertyDescription(
      "The label selector (in string form) of the pool, which the operator sets to"
          + " poolkeeper.io/batchpool=<name>. The scale subresource reports it, so a"
          + " HorizontalPodAutoscaler or KEDA can target the pool.")
  @LabelSelector
  private String selector;

  @JsonPropertyDescription(
      "Resource ID of the image the pool's nodes boot, resolved from spec.image.")
  private String resolvedImageId;

  @JsonPropertyDescription(
      "resizeTimeout in force: spec.scale.fixed.resizeTimeout, or the one the operator computed"
          + " from the pool size and image type.")
  private String effectiveResizeTimeout;

  @JsonPropertyDescription("Resizes issued to reach the target, and the last failure.")
  private Resize resize;

  @JsonPropertyDescription("Progress of a rollout of vmSize or image.")
  private RolloutStatus rollout;

  public String getPoolResourceId() {
    return poolResourceId;
  }

  public void setPoolResourceId(String poolResourceId) {
    this.poolResourceId = poolResourceId;
  }

  public String getAllocationState() {
    return allocationState;
  }

  public void setAllocationState(String allocationState) {
    this.allocationState = allocationState;
  }

  public Integer getCurrentDedicatedNodes() {
    return currentDedicatedNodes;
  }

  public void setCurrentDedicatedNodes(Integer currentDedicatedNodes) {
    this.currentDedicatedNodes = currentDedicatedNodes;
  }

  public Integer getCurrentLowPriorityNodes() {
    return currentLowPriorityNodes;
  }

  public void setCurrentLowPriorityNodes(Integer currentLowPriorityNodes) {
    this.currentLowPriorityNodes = currentLowPriorityNodes;
  }

  public Integer getTargetDedicatedNodes() {
    return targetDedicatedNodes;
  }

  public void setTargetDedicatedNodes(Integer targetDedicatedNodes) {
    this.targetDedicatedNodes = targetDedicatedNodes;
  }

  public Integer getTargetLowPriorityNodes() {
    return targetLowPriorityNodes;
  }

  public void setTargetLowPriorityNodes(Integer targetLowPriorityNodes) {
    this.targetLowPriorityNodes = targetLowPriorityNodes;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  public String getResolvedImageId() {
    return resolvedImageId;
  }

  public void setResolvedImageId(String resolvedImageId) {
    this.resolvedImageId = resolvedImageId;
  }

  public String getEffectiveResizeTimeout() {
    return effectiveResizeTimeout;
  }

  public void setEffectiveResizeTimeout(String effectiveResizeTimeout) {
    this.effectiveResizeTimeout = effectiveResizeTimeout;
  }

  public Resize getResize() {
    return resize;
  }

  public void setResize(Resize resize) {
    this.resize = resize;
  }

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }

  /** Resize attempts towards the target. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Resize {

    @JsonPropertyDescription("Resizes issued since the target last changed.")
    private Integer attempts;

    @JsonPropertyDescription("The error of the last failed resize, as Azure reported it.")
    private ResizeError lastError;

    @JsonPropertyDescription("When the operator will resize again (RFC 3339), if it will.")
    private String nextAttemptTime;

    public Integer getAttempts() {
      return attempts;
    }

    public void setAttempts(Integer attempts) {
      this.attempts = attempts;
    }

    public ResizeError getLastError() {
      return lastError;
    }

    public void setLastError(ResizeError lastError) {
      this.lastError = lastError;
    }

    public String getNextAttemptTime() {
      return nextAttemptTime;
    }

    public void setNextAttemptTime(String nextAttemptTime) {
      this.nextAttemptTime = nextAttemptTime;
    }
  }

  /** A resize error reported by Azure Batch. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ResizeError {

    @JsonPropertyDescription(
        "Batch error code, e.g. AllocationTimedOut or AccountCoreQuotaReached.")
    private String code;

    @JsonPropertyDescription("Batch's error message.")
    private String message;

    @JsonPropertyDescription("When the operator saw the error (RFC 3339).")
    private String time;

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getMessage() {
      return message;
    }

    public void setMessage(String message) {
      this.message = message;
    }

    public String getTime() {
      return time;
    }

    public void setTime(String time) {
      this.time = time;
    }
  }

  /** Where a rollout is. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RolloutStatus {

    @JsonPropertyDescription(
        "Rollout phase: Idle, Draining, Recreating, ScalingUp, or Blocked (strategy Manual).")
    private String phase;

    public String getPhase() {
      return phase;
    }

    public void setPhase(String phase) {
      this.phase = phase;
    }
  }
}
