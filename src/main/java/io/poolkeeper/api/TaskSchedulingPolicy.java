package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Batch's TaskSchedulingPolicy: how tasks are spread over the nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskSchedulingPolicy {

  @JsonPropertyDescription(
      "Spread (default: tasks evenly over all nodes) or Pack (fill each node's task slots"
          + " before the next)."
          + AT_ZERO_NODES)
  @Default("Spread")
  private NodeFillType nodeFillType;

  @JsonPropertyDescription(
      "Order of tasks of different jobs with equal priority: None (Batch's default: uniformly"
          + " from all jobs) or CreationTime (older jobs first)."
          + AT_ZERO_NODES)
  private JobDefaultOrder jobDefaultOrder;

  public NodeFillType getNodeFillType() {
    return nodeFillType;
  }

  public void setNodeFillType(NodeFillType nodeFillType) {
    this.nodeFillType = nodeFillType;
  }

  public JobDefaultOrder getJobDefaultOrder() {
    return jobDefaultOrder;
  }

  public void setJobDefaultOrder(JobDefaultOrder jobDefaultOrder) {
    this.jobDefaultOrder = jobDefaultOrder;
  }

  /** Batch's ComputeNodeFillType. */
  public enum NodeFillType {
    Spread,
    Pack
  }

  /** Batch's JobDefaultOrder. */
  public enum JobDefaultOrder {
    None,
    CreationTime
  }
}
