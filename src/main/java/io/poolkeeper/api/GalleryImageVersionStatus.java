package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the operator observed of a gallery image version. Written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GalleryImageVersionStatus extends ObservedStatus {

  @JsonPropertyDescription("Azure resource ID of the image version.")
  private String imageVersionResourceId;

  @JsonPropertyDescription(
      "provisioningState of the version in Azure: Creating, Updating, Succeeded, Failed.")
  private String provisioningState;

  @JsonPropertyDescription(
      "Aggregated replication state in Azure: Unknown, InProgress, Completed or Failed.")
  private String replicationState;

  @JsonPropertyDescription(
      "Creates or updates of the version that Azure ended Failed in a row. The operator sends the"
          + " write again until 3 have failed, then reports Stalled until the spec changes.")
  private Integer provisioningFailures;

  @JsonPropertyDescription("Replication progress per target region.")
  private List<RegionReplication> replication;

  @JsonPropertyDescription("What the pools that use this version need, summed over them.")
  private Demand demand;

  @JsonPropertyDescription(
      "BatchPools that reference this version. While any is listed the version keeps its"
          + " finalizer and its Azure delete lock.")
  private List<UsedBy> usedBy;

  public String getImageVersionResourceId() {
    return imageVersionResourceId;
  }

  public void setImageVersionResourceId(String imageVersionResourceId) {
    this.imageVersionResourceId = imageVersionResourceId;
  }

  public String getProvisioningState() {
    return provisioningState;
  }

  public void setProvisioningState(String provisioningState) {
    this.provisioningState = provisioningState;
  }

  public Integer getProvisioningFailures() {
    return provisioningFailures;
  }

  public void setProvisioningFailures(Integer provisioningFailures) {
    this.provisioningFailures = provisioningFailures;
  }

  public String getReplicationState() {
    return replicationState;
  }

  public void setReplicationState(String replicationState) {
    this.replicationState = replicationState;
  }

  public List<RegionReplication> getReplication() {
    return replication;
  }

  public void setReplication(List<RegionReplication> replication) {
    this.replication = replication;
  }

  public Demand getDemand() {
    return demand;
  }

  public void setDemand(Demand demand) {
    this.demand = demand;
  }

  public List<UsedBy> getUsedBy() {
    return usedBy;
  }

  public void setUsedBy(List<UsedBy> usedBy) {
    this.usedBy = usedBy;
  }

  /** Replication of the version to one region. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RegionReplication {

    @JsonPropertyDescription("Azure region.")
    private String region;

    @JsonPropertyDescription("Replication state: Unknown, Replicating, Completed or Failed.")
    private String state;

    @JsonPropertyDescription("Replication progress in percent, 0-100.")
    private Integer progress;

    @JsonPropertyDescription("Replica count the operator asked Azure for in this region.")
    private Integer replicaCount;

    @JsonPropertyDescription(
        "Whether pools in this region can take nodes from the version now: true once the region"
            + " completed replication, and still true while its replica count or storage type"
            + " changes (Azure keeps serving the replicas it has).")
    private Boolean usable;

    public String getRegion() {
      return region;
    }

    public void setRegion(String region) {
      this.region = region;
    }

    public String getState() {
      return state;
    }

    public void setState(String state) {
      this.state = state;
    }

    public Integer getProgress() {
      return progress;
    }

    public void setProgress(Integer progress) {
      this.progress = progress;
    }

    public Integer getReplicaCount() {
      return replicaCount;
    }

    public void setReplicaCount(Integer replicaCount) {
      this.replicaCount = replicaCount;
    }

    public Boolean getUsable() {
      return usable;
    }

    public void setUsable(Boolean usable) {
      this.usable = usable;
    }
  }

  /** Demand of the pools that use a version. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Demand {

    @JsonPropertyDescription("Number of BatchPools that use this version.")
    private Integer pools;

    @JsonPropertyDescription("Target nodes (dedicated plus low-priority) of those pools, summed.")
    private Integer nodes;

    public Integer getPools() {
      return pools;
    }

    public void setPools(Integer pools) {
      this.pools = pools;
    }

    public Integer getNodes() {
      return nodes;
    }

    public void setNodes(Integer nodes) {
      this.nodes = nodes;
    }
  }
}
