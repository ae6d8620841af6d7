package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.List;
import java.util.Map;

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
      "The scale the operator last sent to Azure. A resize whose startTime is at or after time"
          + " with these targets is the operator's; anything else is drift or autoscale.")
  private LastAppliedScale lastAppliedScale;

  @JsonPropertyDescription(
      "Resource ID of the image the pool's nodes boot, resolved from spec.image.")
  private String resolvedImageId;

  @JsonPropertyDescription(
      "resizeTimeout in force: spec.scale.fixed.resizeTimeout, or the one the operator computed"
          + " from the pool size and image type.")
  private String effectiveResizeTimeout;

  @JsonPropertyDescription("Resizes issued to reach the target, and the last failure.")
  private Resize resize;

  @JsonPropertyDescription(
      "A rollout of a change Azure applies only to a pool without nodes (vmSize, the image and"
          + " most other settings); absent when none is under way.")
  private RolloutStatus rollout;

  @JsonPropertyDescription(
      "The ManagedImage or GalleryImageVersion object the pool in Azure runs on. It stays in use"
          + " (and kept, with its delete lock) until the pool runs on another image, so a rollout"
          + " to a new image never loses the old one while nodes still boot it.")
  private ImageInUse imageInUse;

  @JsonPropertyDescription(
      "Secret name to the resourceVersion the Secret had when the operator last sent its values"
          + " to Azure, for each Secret the spec names. Only versions: Secret values are never"
          + " written to status. Azure never returns secrets, so a Secret with another"
          + " resourceVersion (any of its keys changed) is sent again: startTask in place;"
          + " mountConfiguration, containerConfiguration, userAccounts and extensions by a rollout"
          + " (see spec.rollout).")
  private Map<String, String> appliedSecretVersions;

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

  public LastAppliedScale getLastAppliedScale() {
    return lastAppliedScale;
  }

  public void setLastAppliedScale(LastAppliedScale lastAppliedScale) {
    this.lastAppliedScale = lastAppliedScale;
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

  public ImageInUse getImageInUse() {
    return imageInUse;
  }

  public void setImageInUse(ImageInUse imageInUse) {
    this.imageInUse = imageInUse;
  }

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }

  public Map<String, String> getAppliedSecretVersions() {
    return appliedSecretVersions;
  }

  public void setAppliedSecretVersions(Map<String, String> appliedSecretVersions) {
    this.appliedSecretVersions = appliedSecretVersions;
  }

  /** A fixed scale the operator sent to Azure, and when. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class LastAppliedScale {

    @JsonPropertyDescription("Dedicated nodes the operator asked Azure for.")
    private Integer targetDedicatedNodes;

    @JsonPropertyDescription("Low-priority nodes the operator asked Azure for.")
    private Integer targetLowPriorityNodes;

    @JsonPropertyDescription("resizeTimeout the operator sent (ISO-8601 duration, e.g. PT15M).")
    private String resizeTimeout;

    @JsonPropertyDescription(
        "nodeDeallocationOption the operator sent: Requeue, Terminate, TaskCompletion or"
            + " RetainedData.")
    private PoolScale.NodeDeallocationOption nodeDeallocationOption;

    @JsonPropertyDescription("When the operator sent this scale to Azure (RFC 3339).")
    private String time;

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

    public String getResizeTimeout() {
      return resizeTimeout;
    }

    public void setResizeTimeout(String resizeTimeout) {
      this.resizeTimeout = resizeTimeout;
    }

    public PoolScale.NodeDeallocationOption getNodeDeallocationOption() {
      return nodeDeallocationOption;
    }

    public void setNodeDeallocationOption(PoolScale.NodeDeallocationOption nodeDeallocationOption) {
      this.nodeDeallocationOption = nodeDeallocationOption;
    }

    public String getTime() {
      return time;
    }

    public void setTime(String time) {
      this.time = time;
    }
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

    @JsonPropertyDescription(
        "When the operator asked Azure to stop the running resize (RFC 3339), so a ResizeStopped"
            + " error from that resize is the operator's own and not retried as a failure."
            + " Cleared when the next resize is sent.")
    private String stopRequestedTime;

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

    public String getStopRequestedTime() {
      return stopRequestedTime;
    }

    public void setStopRequestedTime(String stopRequestedTime) {
      this.stopRequestedTime = stopRequestedTime;
    }
  }

  /** A resize error reported by Azure Batch. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ResizeError {

    @JsonPropertyDescription(
        "Batch error code, e.g. AllocationTimedout or AccountCoreQuotaReached.")
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

    /** Draining the pool to zero nodes (honouring nodeDeallocationOption). */
    public static final String DRAINING = "Draining";

    /** Applying the change in place to the pool, now without nodes. */
    public static final String APPLYING = "Applying";

    /** Deleting the pool, now without nodes, and creating it again with the same pool id. */
    public static final String RECREATING = "Recreating";

    /** The change is in; resizing back to the target. */
    public static final String SCALING_UP = "ScalingUp";

    /** strategy Manual: waiting for a person (see the Stalled condition). */
    public static final String BLOCKED = "Blocked";

    @JsonPropertyDescription(
        "Draining (scaling to zero nodes), Applying (changing the empty pool in place),"
            + " Recreating (deleting the empty pool and creating it again with the same pool id),"
            + " ScalingUp (back to the target), or Blocked (strategy Manual: see the Stalled"
            + " condition for what to do).")
    private String phase;

    @JsonPropertyDescription("The settings being rolled out, by their Batch API names.")
    private List<String> changes;

    @JsonPropertyDescription("When this rollout started (RFC 3339).")
    private String startTime;

    public String getPhase() {
      return phase;
    }

    public void setPhase(String phase) {
      this.phase = phase;
    }

    public List<String> getChanges() {
      return changes;
    }

    public void setChanges(List<String> changes) {
      this.changes = changes;
    }

    public String getStartTime() {
      return startTime;
    }

    public void setStartTime(String startTime) {
      this.startTime = startTime;
    }
  }

  /** An image object a pool runs on. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ImageInUse {

    /** {@code kind} of a GalleryImageVersion. */
    public static final String GALLERY_IMAGE_VERSION = "GalleryImageVersion";

    /** {@code kind} of a ManagedImage. */
    public static final String MANAGED_IMAGE = "ManagedImage";

    @JsonPropertyDescription("GalleryImageVersion or ManagedImage.")
    private String kind;

    @JsonPropertyDescription("metadata.name of the object, in the pool's namespace.")
    private String name;

    public ImageInUse() {}

    public ImageInUse(String kind, String name) {
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
}
