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
import java.util.List;

/**
 * The task each node runs when it joins a pool. Batch changes it in place: nodes that join, reboot
 * or are reimaged afterwards run the new one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StartTask {

  @JsonPropertyDescription(
      "Command line of the start task. It does not run in a shell: use /bin/bash -c '...' or"
          + " cmd /c ... for shell features."
          + IN_PLACE)
  @Required
  @Size(min = 1, max = 8192)
  private String commandLine;

  @JsonPropertyDescription(
      "Files Batch downloads into the task's working directory before it runs." + IN_PLACE)
  @Size(max = 100)
  private List<ResourceFile> resourceFiles;

  @JsonPropertyDescription(
      "If true, a node takes no tasks until the start task succeeded (recommended)." + IN_PLACE)
  @Default("true")
  private Boolean waitForSuccess;

  @JsonPropertyDescription(
      "Retries of a failed start task, -1 for unlimited, at most 100." + IN_PLACE)
  @Min(-1)
  @Max(100)
  private Integer maxTaskRetryCount;

  @JsonPropertyDescription("Environment variables of the start task." + IN_PLACE)
  @Size(max = 100)
  private List<EnvironmentSetting> environmentSettings;

  @JsonPropertyDescription(
      "The user the start task runs as: exactly one of userName or autoUser. Without it Batch"
          + " runs the task as a non-admin user of its own."
          + IN_PLACE)
  private UserIdentity userIdentity;

  @JsonPropertyDescription(
      "Run the start task in a container (on pools with containerConfiguration)." + IN_PLACE)
  private TaskContainerSettings containerSettings;

  public String getCommandLine() {
    return commandLine;
  }

  public void setCommandLine(String commandLine) {
    this.commandLine = commandLine;
  }

  public List<ResourceFile> getResourceFiles() {
    return resourceFiles;
  }

  public void setResourceFiles(List<ResourceFile> resourceFiles) {
    this.resourceFiles = resourceFiles;
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

  public UserIdentity getUserIdentity() {
    return userIdentity;
  }

  public void setUserIdentity(UserIdentity userIdentity) {
    this.userIdentity = userIdentity;
  }

  public TaskContainerSettings getContainerSettings() {
    return containerSettings;
  }

  public void setContainerSettings(TaskContainerSettings containerSettings) {
    this.containerSettings = containerSettings;
  }

  /** An environment variable. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EnvironmentSetting {

    @JsonPropertyDescription("Variable name." + IN_PLACE)
    @Required
    @Size(max = 128)
    @Pattern("^[A-Za-z_][A-Za-z0-9_]{0,127}$")
    private String name;

    @JsonPropertyDescription("Variable value; required, \"\" for an empty one." + IN_PLACE)
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

  /** Batch's ResourceFile: a file, or the blobs of a container, downloaded to the node. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "[has(self.httpUrl), has(self.storageContainerUrl), has(self.autoStorageContainerName)]"
              + ".filter(x, x).size() == 1",
      message =
          "resourceFiles entries need exactly one of httpUrl, storageContainerUrl or"
              + " autoStorageContainerName.")
  @ValidationRule(
      value = "!has(self.httpUrl) || (has(self.filePath) && !has(self.blobPrefix))",
      message =
          "resourceFiles with httpUrl need filePath (the file's path and name) and take no"
              + " blobPrefix.")
  public static class ResourceFile {

    private static final String NO_SAS =
        " A SAS in the URL is readable by anyone who can read this object: prefer"
            + " identityReference.";

    @JsonPropertyDescription("URL of one file to download; needs filePath." + NO_SAS + IN_PLACE)
    @Pattern(ApiPatterns.HTTP_URL)
    @Size(max = 2048)
    private String httpUrl;

    @JsonPropertyDescription(
        "URL of a blob container whose blobs are downloaded; the nodes must be able to read and"
            + " list it."
            + NO_SAS
            + IN_PLACE)
    @Pattern(ApiPatterns.HTTP_URL)
    @Size(max = 2048)
    private String storageContainerUrl;

    @JsonPropertyDescription(
        "Name of a container in the Batch account's auto-storage account whose blobs are"
            + " downloaded."
            + IN_PLACE)
    @Pattern(ApiPatterns.BLOB_CONTAINER_NAME)
    @Size(min = 3, max = 63)
    private String autoStorageContainerName;

    @JsonPropertyDescription(
        "Only blobs whose names start with this are downloaded (containers only)." + IN_PLACE)
    @Size(max = 1024)
    private String blobPrefix;

    @JsonPropertyDescription(
        "Path relative to the task's working directory: the file's path and name with httpUrl,"
            + " the directory otherwise. It cannot leave the working directory."
            + IN_PLACE)
    @Pattern(ApiPatterns.RELATIVE_PATH)
    @Size(max = 1024)
    private String filePath;

    @JsonPropertyDescription(
        "File mode in octal on Linux nodes, e.g. 0755 (Batch's default 0770); ignored on Windows."
            + IN_PLACE)
    @Pattern(ApiPatterns.FILE_MODE)
    @Size(max = 4)
    private String fileMode;

    @JsonPropertyDescription(
        "The managed identity the nodes download with (recommended for Azure Blob Storage)."
            + IN_PLACE)
    private IdentityReference identityReference;

    public String getHttpUrl() {
      return httpUrl;
    }

    public void setHttpUrl(String httpUrl) {
      this.httpUrl = httpUrl;
    }

    public String getStorageContainerUrl() {
      return storageContainerUrl;
    }

    public void setStorageContainerUrl(String storageContainerUrl) {
      this.storageContainerUrl = storageContainerUrl;
    }

    public String getAutoStorageContainerName() {
      return autoStorageContainerName;
    }

    public void setAutoStorageContainerName(String autoStorageContainerName) {
      this.autoStorageContainerName = autoStorageContainerName;
    }

    public String getBlobPrefix() {
      return blobPrefix;
    }

    public void setBlobPrefix(String blobPrefix) {
      this.blobPrefix = blobPrefix;
    }

    public String getFilePath() {
      return filePath;
    }

    public void setFilePath(String filePath) {
      this.filePath = filePath;
    }

    public String getFileMode() {
      return fileMode;
    }

    public void setFileMode(String fileMode) {
      this.fileMode = fileMode;
    }

    public IdentityReference getIdentityReference() {
      return identityReference;
    }

    public void setIdentityReference(IdentityReference identityReference) {
      this.identityReference = identityReference;
    }
  }

  /** Batch's UserIdentity. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.userName) != has(self.autoUser)",
      message = "startTask.userIdentity needs exactly one of userName or autoUser.")
  public static class UserIdentity {

    @JsonPropertyDescription("Name of one of the pool's userAccounts." + IN_PLACE)
    @Size(min = 1, max = 20)
    private String userName;

    @JsonPropertyDescription("A user Batch creates for the task." + IN_PLACE)
    private AutoUser autoUser;

    public String getUserName() {
      return userName;
    }

    public void setUserName(String userName) {
      this.userName = userName;
    }

    public AutoUser getAutoUser() {
      return autoUser;
    }

    public void setAutoUser(AutoUser autoUser) {
      this.autoUser = autoUser;
    }
  }

  /** Batch's AutoUserSpecification. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AutoUser {

    @JsonPropertyDescription(
        "Pool (Batch's default: one user shared by the pool's tasks) or Task (a user of its"
            + " own)."
            + IN_PLACE)
    private AutoUserScope scope;

    @JsonPropertyDescription("NonAdmin (Batch's default) or Admin." + IN_PLACE)
    private ElevationLevel elevationLevel;

    public AutoUserScope getScope() {
      return scope;
    }

    public void setScope(AutoUserScope scope) {
      this.scope = scope;
    }

    public ElevationLevel getElevationLevel() {
      return elevationLevel;
    }

    public void setElevationLevel(ElevationLevel elevationLevel) {
      this.elevationLevel = elevationLevel;
    }
  }

  /** Batch's AutoUserScope. */
  public enum AutoUserScope {
    Task,
    Pool
  }

  /** Batch's TaskContainerSettings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class TaskContainerSettings {

    @JsonPropertyDescription(
        "Image to run, as 'docker pull' takes it; the tag defaults to latest." + IN_PLACE)
    @Required
    @Size(min = 1, max = 1024)
    private String imageName;

    @JsonPropertyDescription("Extra options of the container create command." + IN_PLACE)
    @Size(max = 4096)
    private String containerRunOptions;

    @JsonPropertyDescription(
        "TaskWorkingDirectory (Batch's default, with the resource files) or"
            + " ContainerImageDefault (the image's own, without them)."
            + IN_PLACE)
    private ContainerWorkingDirectory workingDirectory;

    @JsonPropertyDescription(
        "The registry of imageName, when containerConfiguration does not list it." + IN_PLACE)
    private ContainerRegistry registry;

    public String getImageName() {
      return imageName;
    }

    public void setImageName(String imageName) {
      this.imageName = imageName;
    }

    public String getContainerRunOptions() {
      return containerRunOptions;
    }

    public void setContainerRunOptions(String containerRunOptions) {
      this.containerRunOptions = containerRunOptions;
    }

    public ContainerWorkingDirectory getWorkingDirectory() {
      return workingDirectory;
    }

    public void setWorkingDirectory(ContainerWorkingDirectory workingDirectory) {
      this.workingDirectory = workingDirectory;
    }

    public ContainerRegistry getRegistry() {
      return registry;
    }

    public void setRegistry(ContainerRegistry registry) {
      this.registry = registry;
    }
  }

  /** Batch's ContainerWorkingDirectory. */
  public enum ContainerWorkingDirectory {
    TaskWorkingDirectory,
    ContainerImageDefault
  }
}
