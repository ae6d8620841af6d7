package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;
import static io.poolkeeper.api.ChangeNotes.PREFER_IDENTITY;
import static io.poolkeeper.api.ChangeNotes.SECRET;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Batch's MountConfiguration: one file system every node mounts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.azureBlobFileSystemConfiguration), has(self.azureFileShareConfiguration),"
            + " has(self.nfsMountConfiguration), has(self.cifsMountConfiguration)]"
            + ".filter(x, x).size() == 1",
    message =
        "mountConfiguration entries need exactly one of azureBlobFileSystemConfiguration,"
            + " azureFileShareConfiguration, nfsMountConfiguration or cifsMountConfiguration: use"
            + " one list entry per file system.")
public class MountConfiguration {

  private static final String RELATIVE_MOUNT_PATH =
      "Where the file system is mounted, relative to the Batch mounts directory"
          + " ($AZ_BATCH_NODE_MOUNTS_DIR), e.g. data.";

  private static final String MOUNT_OPTIONS =
      "Extra options of the mount command ('net use' options on Windows).";

  @JsonPropertyDescription("An Azure Blob container mounted with blobfuse." + AT_ZERO_NODES)
  private AzureBlobFileSystemConfiguration azureBlobFileSystemConfiguration;

  @JsonPropertyDescription("An Azure Files share." + AT_ZERO_NODES)
  private AzureFileShareConfiguration azureFileShareConfiguration;

  @JsonPropertyDescription("An NFS file system." + AT_ZERO_NODES)
  private NfsMountConfiguration nfsMountConfiguration;

  @JsonPropertyDescription("A CIFS/SMB file system." + AT_ZERO_NODES)
  private CifsMountConfiguration cifsMountConfiguration;

  public AzureBlobFileSystemConfiguration getAzureBlobFileSystemConfiguration() {
    return azureBlobFileSystemConfiguration;
  }

  public void setAzureBlobFileSystemConfiguration(
      AzureBlobFileSystemConfiguration azureBlobFileSystemConfiguration) {
    this.azureBlobFileSystemConfiguration = azureBlobFileSystemConfiguration;
  }

  public AzureFileShareConfiguration getAzureFileShareConfiguration() {
    return azureFileShareConfiguration;
  }

  public void setAzureFileShareConfiguration(
      AzureFileShareConfiguration azureFileShareConfiguration) {
    this.azureFileShareConfiguration = azureFileShareConfiguration;
  }

  public NfsMountConfiguration getNfsMountConfiguration() {
    return nfsMountConfiguration;
  }

  public void setNfsMountConfiguration(NfsMountConfiguration nfsMountConfiguration) {
    this.nfsMountConfiguration = nfsMountConfiguration;
  }

  public CifsMountConfiguration getCifsMountConfiguration() {
    return cifsMountConfiguration;
  }

  public void setCifsMountConfiguration(CifsMountConfiguration cifsMountConfiguration) {
    this.cifsMountConfiguration = cifsMountConfiguration;
  }

  /** Batch's AzureBlobFileSystemConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "[has(self.identityReference), has(self.accountKey), has(self.sasKey)]"
              + ".filter(x, x).size() == 1",
      message =
          "azureBlobFileSystemConfiguration needs exactly one of identityReference (recommended),"
              + " accountKey or sasKey.")
  public static class AzureBlobFileSystemConfiguration {

    @JsonPropertyDescription("Name of the storage account." + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.STORAGE_ACCOUNT_NAME)
    @Size(max = 24)
    private String accountName;

    @JsonPropertyDescription("Name of the blob container." + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.BLOB_CONTAINER_NAME)
    @Size(min = 3, max = 63)
    private String containerName;

    @JsonPropertyDescription(RELATIVE_MOUNT_PATH + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.RELATIVE_PATH)
    @Size(max = 256)
    private String relativeMountPath;

    @JsonPropertyDescription(
        "Extra blobfuse options, e.g. '-o attr_timeout=240 -o negative_timeout=120'."
            + AT_ZERO_NODES)
    @Size(max = 1024)
    private String blobfuseOptions;

    @JsonPropertyDescription(
        "The managed identity the nodes use to read the container (recommended; it needs a"
            + " Storage Blob Data role on the container). Exactly one of identityReference,"
            + " accountKey or sasKey."
            + AT_ZERO_NODES)
    private IdentityReference identityReference;

    @JsonPropertyDescription("The storage account key." + SECRET + PREFER_IDENTITY + AT_ZERO_NODES)
    private SecretValue accountKey;

    @JsonPropertyDescription(
        "A SAS token for the container." + SECRET + PREFER_IDENTITY + AT_ZERO_NODES)
    private SecretValue sasKey;

    public String getAccountName() {
      return accountName;
    }

    public void setAccountName(String accountName) {
      this.accountName = accountName;
    }

    public String getContainerName() {
      return containerName;
    }

    public void setContainerName(String containerName) {
      this.containerName = containerName;
    }

    public String getRelativeMountPath() {
      return relativeMountPath;
    }

    public void setRelativeMountPath(String relativeMountPath) {
      this.relativeMountPath = relativeMountPath;
    }

    public String getBlobfuseOptions() {
      return blobfuseOptions;
    }

    public void setBlobfuseOptions(String blobfuseOptions) {
      this.blobfuseOptions = blobfuseOptions;
    }

    public IdentityReference getIdentityReference() {
      return identityReference;
    }

    public void setIdentityReference(IdentityReference identityReference) {
      this.identityReference = identityReference;
    }

    public SecretValue getAccountKey() {
      return accountKey;
    }

    public void setAccountKey(SecretValue accountKey) {
      this.accountKey = accountKey;
    }

    public SecretValue getSasKey() {
      return sasKey;
    }

    public void setSasKey(SecretValue sasKey) {
      this.sasKey = sasKey;
    }
  }

  /** Batch's AzureFileShareConfiguration. Batch takes only an account key for Azure Files. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AzureFileShareConfiguration {

    @JsonPropertyDescription("Name of the storage account." + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.STORAGE_ACCOUNT_NAME)
    @Size(max = 24)
    private String accountName;

    @JsonPropertyDescription(
        "URL of the share, https://<account>.file.core.windows.net/<share>." + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.AZURE_FILE_URL)
    @Size(max = 256)
    private String azureFileUrl;

    @JsonPropertyDescription(
        "The storage account key; Batch mounts Azure Files only with a key (use"
            + " azureBlobFileSystemConfiguration with an identityReference to avoid one)."
            + SECRET
            + AT_ZERO_NODES)
    @Required
    private SecretValue accountKey;

    @JsonPropertyDescription(RELATIVE_MOUNT_PATH + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.RELATIVE_PATH)
    @Size(max = 256)
    private String relativeMountPath;

    @JsonPropertyDescription(MOUNT_OPTIONS + AT_ZERO_NODES)
    @Size(max = 1024)
    private String mountOptions;

    public String getAccountName() {
      return accountName;
    }

    public void setAccountName(String accountName) {
      this.accountName = accountName;
    }

    public String getAzureFileUrl() {
      return azureFileUrl;
    }

    public void setAzureFileUrl(String azureFileUrl) {
      this.azureFileUrl = azureFileUrl;
    }

    public SecretValue getAccountKey() {
      return accountKey;
    }

    public void setAccountKey(SecretValue accountKey) {
      this.accountKey = accountKey;
    }

    public String getRelativeMountPath() {
      return relativeMountPath;
    }

    public void setRelativeMountPath(String relativeMountPath) {
      this.relativeMountPath = relativeMountPath;
    }

    public String getMountOptions() {
      return mountOptions;
    }

    public void setMountOptions(String mountOptions) {
      this.mountOptions = mountOptions;
    }
  }

  /** Batch's NFSMountConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class NfsMountConfiguration {

    @JsonPropertyDescription(
        "The file system to mount, e.g. 10.0.0.4:/exports/data." + AT_ZERO_NODES)
    @Required
    @Size(min = 1, max = 1024)
    private String source;

    @JsonPropertyDescription(RELATIVE_MOUNT_PATH + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.RELATIVE_PATH)
    @Size(max = 256)
    private String relativeMountPath;

    @JsonPropertyDescription(MOUNT_OPTIONS + AT_ZERO_NODES)
    @Size(max = 1024)
    private String mountOptions;

    public String getSource() {
      return source;
    }

    public void setSource(String source) {
      this.source = source;
    }

    public String getRelativeMountPath() {
      return relativeMountPath;
    }

    public void setRelativeMountPath(String relativeMountPath) {
      this.relativeMountPath = relativeMountPath;
    }

    public String getMountOptions() {
      return mountOptions;
    }

    public void setMountOptions(String mountOptions) {
      this.mountOptions = mountOptions;
    }
  }

  /** Batch's CIFSMountConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class CifsMountConfiguration {

    @JsonPropertyDescription(
        "The file system to mount, e.g. //fileserver.example.com/share." + AT_ZERO_NODES)
    @Required
    @Size(min = 1, max = 1024)
    private String source;

    @JsonPropertyDescription(RELATIVE_MOUNT_PATH + AT_ZERO_NODES)
    @Required
    @Pattern(ApiPatterns.RELATIVE_PATH)
    @Size(max = 256)
    private String relativeMountPath;

    @JsonPropertyDescription("The user to authenticate as." + AT_ZERO_NODES)
    @Required
    @Size(min = 1, max = 256)
    private String userName;

    @JsonPropertyDescription("The user's password." + SECRET + AT_ZERO_NODES)
    @Required
    private SecretValue password;

    @JsonPropertyDescription(MOUNT_OPTIONS + AT_ZERO_NODES)
    @Size(max = 1024)
    private String mountOptions;

    public String getSource() {
      return source;
    }

    public void setSource(String source) {
      this.source = source;
    }

    public String getRelativeMountPath() {
      return relativeMountPath;
    }

    public void setRelativeMountPath(String relativeMountPath) {
      this.relativeMountPath = relativeMountPath;
    }

    public String getUserName() {
      return userName;
    }

    public void setUserName(String userName) {
      this.userName = userName;
    }

    public SecretValue getPassword() {
      return password;
    }

    public void setPassword(SecretValue password) {
      this.password = password;
    }

    public String getMountOptions() {
      return mountOptions;
    }

    public void setMountOptions(String mountOptions) {
      this.mountOptions = mountOptions;
    }
  }
}
