package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.IN_PLACE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

/** How many nodes a pool has: a fixed target or an autoscale formula. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "[has(self.fixed), has(self.autoScale)].filter(x, x).size() == 1",
    message =
        "scale needs exactly one of fixed or autoScale. kubectl scale works only on fixed pools:"
            + " remove autoScale first.")
public class PoolScale {

  @JsonPropertyDescription(
      "A fixed target; the operator resizes again until it is reached." + IN_PLACE)
  private Fixed fixed;

  @JsonPropertyDescription("An autoscale formula Batch evaluates periodically." + IN_PLACE)
  private AutoScale autoScale;

  public Fixed getFixed() {
    return fixed;
  }

  public void setFixed(Fixed fixed) {
    this.fixed = fixed;
  }

  public AutoScale getAutoScale() {
    return autoScale;
  }

  public void setAutoScale(AutoScale autoScale) {
    this.autoScale = autoScale;
  }

  /** A fixed-size pool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Fixed {

    @JsonPropertyDescription(
        "Dedicated nodes wanted. Also the scale subresource: kubectl scale bp/<name>"
            + " --replicas=N sets it."
            + IN_PLACE)
    @Required
    @Min(0)
    @Max(100000)
    @SpecReplicas
    private Integer targetDedicatedNodes;

    @JsonPropertyDescription("Low-priority (spot) nodes wanted." + IN_PLACE)
    @Default("0")
    @Min(0)
    @Max(100000)
    private Integer targetLowPriorityNodes;

    @JsonPropertyDescription(
        "How long one resize may take (ISO-8601, at least PT5M). When unset the operator computes"
            + " it from the pool size and image type and reports it in"
            + " status.effectiveResizeTimeout."
            + IN_PLACE)
    @Pattern(ApiPatterns.DURATION_AT_LEAST_5_MINUTES)
    @Size(max = 64)
    private String resizeTimeout;

    @JsonPropertyDescription(
        "What happens to running tasks when nodes are removed: Requeue, Terminate,"
            + " TaskCompletion or RetainedData."
            + IN_PLACE)
    @Default("Requeue")
    private NodeDeallocationOption nodeDeallocationOption;

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

    public NodeDeallocationOption getNodeDeallocationOption() {
      return nodeDeallocationOption;
    }

    public void setNodeDeallocationOption(NodeDeallocationOption nodeDeallocationOption) {
      this.nodeDeallocationOption = nodeDeallocationOption;
    }
  }

  /** What Batch does with running tasks on nodes it removes. */
  public enum NodeDeallocationOption {
    Requeue,
    Terminate,
    TaskCompletion,
    RetainedData
  }

  /** An autoscaled pool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AutoScale {

    @JsonPropertyDescription(
        "Batch autoscale formula, e.g. '$TargetDedicatedNodes = min(10, $PendingTasks.GetSample(1));'."
            + IN_PLACE)
    @Required
    @Size(min = 1, max = 8192)
    private String formula;

    @JsonPropertyDescription(
        "How often Batch evaluates the formula (ISO-8601, at least PT5M; Batch's default PT15M)."
            + IN_PLACE)
    @Pattern(ApiPatterns.DURATION_AT_LEAST_5_MINUTES)
    @Size(max = 64)
    private String evaluationInterval;

    public String getFormula() {
      return formula;
    }

    public void setFormula(String formula) {
      this.formula = formula;
    }

    public String getEvaluationInterval() {
      return evaluationInterval;
    }

    public void setEvaluationInterval(String evaluationInterval) {
      this.evaluationInterval = evaluationInterval;
    }
  }
}
