package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Batch's UpgradePolicy: how the nodes' OS image is upgraded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpgradePolicy {

  @JsonPropertyDescription(
      "manual (you upgrade nodes), automatic (all nodes at once) or rolling (in batches, see"
          + " rollingUpgradePolicy)."
          + AT_ZERO_NODES)
  @Required
  private Mode mode;

  @JsonPropertyDescription("Automatic OS image upgrades." + AT_ZERO_NODES)
  private AutomaticOsUpgradePolicy automaticOSUpgradePolicy;

  @JsonPropertyDescription("How a rolling upgrade proceeds." + AT_ZERO_NODES)
  private RollingUpgradePolicy rollingUpgradePolicy;

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public AutomaticOsUpgradePolicy getAutomaticOSUpgradePolicy() {
    return automaticOSUpgradePolicy;
  }

  public void setAutomaticOSUpgradePolicy(AutomaticOsUpgradePolicy automaticOSUpgradePolicy) {
    this.automaticOSUpgradePolicy = automaticOSUpgradePolicy;
  }

  public RollingUpgradePolicy getRollingUpgradePolicy() {
    return rollingUpgradePolicy;
  }

  public void setRollingUpgradePolicy(RollingUpgradePolicy rollingUpgradePolicy) {
    this.rollingUpgradePolicy = rollingUpgradePolicy;
  }

  /** Batch's UpgradeMode. */
  public enum Mode {
    automatic,
    manual,
    rolling
  }

  /** Batch's AutomaticOSUpgradePolicy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AutomaticOsUpgradePolicy {

    @JsonPropertyDescription(
        "If true, a new OS image is rolled out to the nodes when it is published (not with"
            + " automatic updates on Windows)."
            + AT_ZERO_NODES)
    private Boolean enableAutomaticOSUpgrade;

    @JsonPropertyDescription("If true, a failed OS upgrade is not rolled back." + AT_ZERO_NODES)
    private Boolean disableAutomaticRollback;

    @JsonPropertyDescription(
        "If true, automatic OS upgrades follow rollingUpgradePolicy." + AT_ZERO_NODES)
    private Boolean useRollingUpgradePolicy;

    @JsonPropertyDescription("If true, nodes running tasks defer the OS upgrade." + AT_ZERO_NODES)
    private Boolean osRollingUpgradeDeferral;

    public Boolean getEnableAutomaticOSUpgrade() {
      return enableAutomaticOSUpgrade;
    }

    public void setEnableAutomaticOSUpgrade(Boolean enableAutomaticOSUpgrade) {
      this.enableAutomaticOSUpgrade = enableAutomaticOSUpgrade;
    }

    public Boolean getDisableAutomaticRollback() {
      return disableAutomaticRollback;
    }

    public void setDisableAutomaticRollback(Boolean disableAutomaticRollback) {
      this.disableAutomaticRollback = disableAutomaticRollback;
    }

    public Boolean getUseRollingUpgradePolicy() {
      return useRollingUpgradePolicy;
    }

    public void setUseRollingUpgradePolicy(Boolean useRollingUpgradePolicy) {
      this.useRollingUpgradePolicy = useRollingUpgradePolicy;
    }

    public Boolean getOsRollingUpgradeDeferral() {
      return osRollingUpgradeDeferral;
    }

    public void setOsRollingUpgradeDeferral(Boolean osRollingUpgradeDeferral) {
      this.osRollingUpgradeDeferral = osRollingUpgradeDeferral;
    }
  }

  /** Batch's RollingUpgradePolicy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "!has(self.maxBatchInstancePercent) || !has(self.maxUnhealthyInstancePercent)"
              + " || self.maxBatchInstancePercent <= self.maxUnhealthyInstancePercent",
      message =
          "rollingUpgradePolicy.maxBatchInstancePercent is above maxUnhealthyInstancePercent:"
              + " Azure refuses it. Lower the batch size or allow more unhealthy nodes.")
  public static class RollingUpgradePolicy {

    @JsonPropertyDescription(
        "If true, batches may span availability zones (only with nodePlacementConfiguration"
            + " Zonal)."
            + AT_ZERO_NODES)
    private Boolean enableCrossZoneUpgrade;

    @JsonPropertyDescription(
        "Largest share of nodes upgraded at once, 5-100 percent, at most"
            + " maxUnhealthyInstancePercent."
            + AT_ZERO_NODES)
    @Min(5)
    @Max(100)
    private Integer maxBatchInstancePercent;

    @JsonPropertyDescription(
        "Share of unhealthy nodes, 5-100 percent, at which the upgrade stops." + AT_ZERO_NODES)
    @Min(5)
    @Max(100)
    private Integer maxUnhealthyInstancePercent;

    @JsonPropertyDescription(
        "Share of upgraded nodes found unhealthy, 0-100 percent, at which the upgrade stops."
            + AT_ZERO_NODES)
    @Min(0)
    @Max(100)
    private Integer maxUnhealthyUpgradedInstancePercent;

    @JsonPropertyDescription(
        "Wait between batches (ISO-8601, longer than zero, e.g. PT1M); omit for none."
            + AT_ZERO_NODES)
    @Pattern(ApiPatterns.POSITIVE_DURATION)
    @Size(max = 64)
    private String pauseTimeBetweenBatches;

    @JsonPropertyDescription(
        "If true, unhealthy nodes are upgraded before healthy ones." + AT_ZERO_NODES)
    private Boolean prioritizeUnhealthyInstances;

    @JsonPropertyDescription(
        "If true, failed nodes go back to the previous image when the policy is breached."
            + AT_ZERO_NODES)
    private Boolean rollbackFailedInstancesOnPolicyBreach;

    public Boolean getEnableCrossZoneUpgrade() {
      return enableCrossZoneUpgrade;
    }

    public void setEnableCrossZoneUpgrade(Boolean enableCrossZoneUpgrade) {
      this.enableCrossZoneUpgrade = enableCrossZoneUpgrade;
    }

    public Integer getMaxBatchInstancePercent() {
      return maxBatchInstancePercent;
    }

    public void setMaxBatchInstancePercent(Integer maxBatchInstancePercent) {
      this.maxBatchInstancePercent = maxBatchInstancePercent;
    }

    public Integer getMaxUnhealthyInstancePercent() {
      return maxUnhealthyInstancePercent;
    }

    public void setMaxUnhealthyInstancePercent(Integer maxUnhealthyInstancePercent) {
      this.maxUnhealthyInstancePercent = maxUnhealthyInstancePercent;
    }

    public Integer getMaxUnhealthyUpgradedInstancePercent() {
      return maxUnhealthyUpgradedInstancePercent;
    }

    public void setMaxUnhealthyUpgradedInstancePercent(
        Integer maxUnhealthyUpgradedInstancePercent) {
      this.maxUnhealthyUpgradedInstancePercent = maxUnhealthyUpgradedInstancePercent;
    }

    public String getPauseTimeBetweenBatches() {
      return pauseTimeBetweenBatches;
    }

    public void setPauseTimeBetweenBatches(String pauseTimeBetweenBatches) {
      this.pauseTimeBetweenBatches = pauseTimeBetweenBatches;
    }

    public Boolean getPrioritizeUnhealthyInstances() {
      return prioritizeUnhealthyInstances;
    }

    public void setPrioritizeUnhealthyInstances(Boolean prioritizeUnhealthyInstances) {
      this.prioritizeUnhealthyInstances = prioritizeUnhealthyInstances;
    }

    public Boolean getRollbackFailedInstancesOnPolicyBreach() {
      return rollbackFailedInstancesOnPolicyBreach;
    }

    public void setRollbackFailedInstancesOnPolicyBreach(
        Boolean rollbackFailedInstancesOnPolicyBreach) {
      this.rollbackFailedInstancesOnPolicyBreach = rollbackFailedInstancesOnPolicyBreach;
    }
  }
}
