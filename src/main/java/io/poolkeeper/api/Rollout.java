package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How a pool takes changes that Azure cannot apply while it has nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Rollout {

  @JsonPropertyDescription(
      "DrainAndRecreate: scale to zero (honouring nodeDeallocationOption), apply the change or"
          + " recreate the pool with the same id, scale back. Manual: report Stalled and wait for"
          + " a person.")
  @Default("Manual")
  private Strategy strategy;

  public Strategy getStrategy() {
    return strategy;
  }

  public void setStrategy(Strategy strategy) {
    this.strategy = strategy;
  }

  /** Rollout strategies. */
  public enum Strategy {
    DrainAndRecreate,
    Manual
  }
}
