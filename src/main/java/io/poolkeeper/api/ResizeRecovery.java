package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How a pool that stopped short of its target is resized again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResizeRecovery {

  @JsonPropertyDescription(
      "Resizes the operator issues after retryable failures before it reports Stalled; 0 turns"
          + " retrying off.")
  @Default("10")
  @Min(0)
  @Max(1000)
  private Integer maxAttempts;

  @JsonPropertyDescription(
      "Wait before the first retry (an ISO-8601 duration longer than zero, e.g. PT1M); doubles"
          + " each attempt.")
  @Default("PT1M")
  @Pattern(ApiPatterns.POSITIVE_DURATION)
  @Size(max = 64)
  private String initialBackoff;

  @JsonPropertyDescription(
      "Longest wait between retries (an ISO-8601 duration longer than zero, e.g. PT30M): the"
          + " doubling of initialBackoff stops here.")
  @Default("PT30M")
  @Pattern(ApiPatterns.POSITIVE_DURATION)
  @Size(max = 64)
  private String maxBackoff;

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public String getInitialBackoff() {
    return initialBackoff;
  }

  public void setInitialBackoff(String initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  public String getMaxBackoff() {
    return maxBackoff;
  }

  public void setMaxBackoff(String maxBackoff) {
    this.maxBackoff = maxBackoff;
  }
}
