package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The task each node runs when it joins a pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StartTask {

  @JsonPropertyDescription(
      "Command line of the start task. It does not run in a shell: use /bin/bash -c '...' or"
          + " cmd /c ... for shell features.")
  @Required
  @Size(min = 1, max = 8192)
  private String commandLine;

  @JsonPropertyDescription(
      "If true, a node takes no tasks until the start task succeeded (recommended).")
  @Default("true")
  private Boolean waitForSuccess;

  @JsonPropertyDescription("Retries of a failed start task, -1 for unlimited, at most 100.")
  @Min(-1)
  @Max(100)
  private Integer maxTaskRetryCount;

  @JsonPropertyDescription("Environment variables of the start task.")
  @Size(max = 100)
  private List<EnvironmentSetting> environmentSettings;

  @JsonPropertyDescription(
      "Elevation level of the auto-user that runs the start task: NonAdmin (default) or Admin.")
  @Default("NonAdmin")
  private ElevationLevel elevationLevel;

  public String getCommandLine() {
    return commandLine;
  }

  public void setCommandLine(String commandLine) {
    this.commandLine = commandLine;
  }

  public Boolean getWaitForSuccess() {
    return waitForSuccess;
  }

  public void setWaitForSuccess(Boolean waitForSuccess) {
    this.waitForSuccess = waitForSuccess;
  }

  public Integer getMaxTaskRetryCount() {
    return maxTaskRetryCount;
  }

  public void setMaxTaskRetryCount(Integer maxTaskRetryCount) {
    this.maxTaskRetryCount = maxTaskRetryCount;
  }

  public List<EnvironmentSetting> getEnvironmentSettings() {
    return environmentSettings;
  }

  public void setEnvironmentSettings(List<EnvironmentSetting> environmentSettings) {
    this.environmentSettings = environmentSettings;
  }

  public ElevationLevel getElevationLevel() {
    return elevationLevel;
  }

  public void setElevationLevel(ElevationLevel elevationLevel) {
    this.elevationLevel = elevationLevel;
  }

  /** Elevation of the pool-scoped auto-user that runs the start task. */
  public enum ElevationLevel {
    NonAdmin,
    Admin
  }

  /** An environment variable. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EnvironmentSetting {

    @JsonPropertyDescription("Variable name.")
    @Required
    @Size(max = 128)
    @Pattern("^[A-Za-z_][A-Za-z0-9_]{0,127}$")
    private String name;

    @JsonPropertyDescription("Variable value; required, \"\" for an empty one.")
    @Required
    private String value;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }
}
