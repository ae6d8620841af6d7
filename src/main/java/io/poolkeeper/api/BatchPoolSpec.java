package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The Batch pool a user wants in Azure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.poolId) == has(oldSelf.poolId)",
    message =
        "poolId cannot be added or removed after creation: it names the pool in Azure. Create a"
            + " new BatchPool instead.")
public class BatchPoolSpec {

  @JsonPropertyDescription("The Batch account that holds the pool.")
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "account cannot change after creation: a pool cannot move between Batch accounts."
              + " Create a new BatchPool in the other account instead.")
  private BatchAccountRef account;

  @JsonPropertyDescription(
      "Id of the pool in the Batch account. Defaults to metadata.name. Up to 64 letters, digits,"
          + " hyphens and underscores.")
  @Pattern(ApiPatterns.POOL_ID)
  @Size(max = 64)
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "poolId cannot change after creation: it names the pool in Azure. Create a new"
              + " BatchPool instead.")
  private String poolId;

  @JsonPropertyDescription(
      "Azure VM size of the nodes, e.g. Standard_D4s_v5. Changing it needs a rollout (see"
          + " rollout.strategy).")
  @Required
  @Pattern(ApiPatterns.VM_SIZE)
  @Size(max = 64)
  private String vmSize;

  @JsonPropertyDescription(
      "The image the nodes boot: exactly one of galleryImageVersionRef, managedImageRef, id or"
          + " marketplace. Changing it needs a rollout (see rollout.strategy).")
  @Required
  private PoolImage image;

  @JsonPropertyDescription(
      "Batch node agent SKU; it must match the image's OS, e.g. 'batch.node.ubuntu 22.04' or"
          + " 'batch.node.windows amd64'.")
  @Required
  @Size(min = 1, max = 64)
  private String nodeAgentSkuId;

  @JsonPropertyDescription("How many nodes: exactly one of fixed or autoScale.")
  @Required
  private PoolScale scale;

  @JsonPropertyDescription("A task every node runs when it joins the pool.")
  private StartTask startTask;

  @JsonPropertyDescription("Task slots per node, 1-256 (Batch's default is 1).")
  @Min(1)
  @Max(256)
  private Integer taskSlotsPerNode;

  @JsonPropertyDescription("Name-value pairs Batch stores with the pool; not used by Batch itself.")
  @Size(max = 50)
  private Map<String, String> metadata;

  @JsonPropertyDescription(
      "How the operator retries a fixed-size pool that stopped short of its target after a"
          + " retryable allocation failure.")
  private ResizeRecovery resizeRecovery;

  @JsonPropertyDescription("How changes that Azure cannot apply in place (vmSize, image) roll out.")
  private Rollout rollout;

  @JsonPropertyDescription(
      "What happens in Azure when this object is deleted: Delete removes the pool (only one"
          + " Poolkeeper created or adopted), Retain leaves it.")
  @Default("Delete")
  private DeletionPolicy deletionPolicy;

  public BatchAccountRef getAccount() {
    return account;
  }

  public void setAccount(BatchAccountRef account) {
    this.account = account;
  }

  public String getPoolId() {
    return poolId;
  }

  public void setPoolId(String poolId) {
    this.poolId = poolId;
  }

  public String getVmSize() {
    return vmSize;
  }

  public void setVmSize(String vmSize) {
    this.vmSize = vmSize;
  }

  public PoolImage getImage() {
    return image;
  }

  public void setImage(PoolImage image) {
    this.image = image;
  }

  public String getNodeAgentSkuId() {
    return nodeAgentSkuId;
  }

  public void setNodeAgentSkuId(String nodeAgentSkuId) {
    this.nodeAgentSkuId = nodeAgentSkuId;
  }

  public PoolScale getScale() {
    return scale;
  }

  public void setScale(PoolScale scale) {
    this.scale = scale;
  }

  public StartTask getStartTask() {
    return startTask;
  }

  public void setStartTask(StartTask startTask) {
    this.startTask = startTask;
  }

  public Integer getTaskSlotsPerNode() {
    return taskSlotsPerNode;
  }

  public void setTaskSlotsPerNode(Integer taskSlotsPerNode) {
    this.taskSlotsPerNode = taskSlotsPerNode;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  public ResizeRecovery getResizeRecovery() {
    return resizeRecovery;
  }

  public void setResizeRecovery(ResizeRecovery resizeRecovery) {
    this.resizeRecovery = resizeRecovery;
  }

  public Rollout getRollout() {
    return rollout;
  }

  public void setRollout(Rollout rollout) {
    this.rollout = rollout;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
