package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;
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
import java.util.Map;

/** The Batch pool a user wants in Azure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.poolId) == has(oldSelf.poolId)",
    message =
        "poolId cannot be added or removed after creation: it names the pool in Azure. Create a"
            + " new BatchPool instead.")
@ValidationRule(
    value =
        "(has(self.securityProfile) && has(self.securityProfile.securityType)"
            + " && self.securityProfile.securityType == 'confidentialVM')"
            + " == (has(self.osDisk) && has(self.osDisk.managedDisk)"
            + " && has(self.osDisk.managedDisk.securityProfile))",
    message =
        "osDisk.managedDisk.securityProfile goes with securityProfile.securityType"
            + " confidentialVM: Batch requires it for confidential VMs and refuses it otherwise.")
@ValidationRule(
    value =
        "!has(self.mountConfiguration) || self.mountConfiguration.all(m,"
            + " !has(m.azureBlobFileSystemConfiguration)"
            + " || !has(m.azureBlobFileSystemConfiguration.identityReference) || "
            + BatchPoolSpec.LISTED_OPEN
            + "m.azureBlobFileSystemConfiguration.identityReference"
            + BatchPoolSpec.LISTED_CLOSE
            + ")",
    message =
        "mountConfiguration names an identityReference that identity.userAssignedIdentities does"
            + " not list: the nodes have only the pool's identities. Add it to the pool identity.")
@ValidationRule(
    value =
        "!has(self.containerConfiguration) || !has(self.containerConfiguration.containerRegistries)"
            + " || self.containerConfiguration.containerRegistries.all(r,"
            + " !has(r.identityReference) || "
            + BatchPoolSpec.LISTED_OPEN
            + "r.identityReference"
            + BatchPoolSpec.LISTED_CLOSE
            + ")",
    message =
        "containerConfiguration.containerRegistries names an identityReference that"
            + " identity.userAssignedIdentities does not list: the nodes have only the pool's"
            + " identities. Add it to the pool identity.")
@ValidationRule(
    value =
        "!has(self.startTask) || !has(self.startTask.resourceFiles)"
            + " || self.startTask.resourceFiles.all(f, !has(f.identityReference) || "
            + BatchPoolSpec.LISTED_OPEN
            + "f.identityReference"
            + BatchPoolSpec.LISTED_CLOSE
            + ")",
    message =
        "startTask.resourceFiles names an identityReference that identity.userAssignedIdentities"
            + " does not list: the nodes have only the pool's identities. Add it to the pool"
            + " identity.")
@ValidationRule(
    value =
        "!has(self.startTask) || !has(self.startTask.userIdentity)"
            + " || !has(self.startTask.userIdentity.userName) || (has(self.userAccounts)"
            + " && self.userAccounts.exists(u, u.name == self.startTask.userIdentity.userName))",
    message =
        "startTask.userIdentity.userName is not one of userAccounts: add the user to userAccounts"
            + " or run the start task as autoUser.")
public class BatchPoolSpec {

  /** The start of a CEL test that an identityReference is one of the pool's identities. */
  static final String LISTED_OPEN =
      "(has(self.identity) && has(self.identity.userAssignedIdentities)"
          + " && self.identity.userAssignedIdentities.exists(i, i.lowerAscii() == ";

  static final String LISTED_CLOSE = ".resourceId.lowerAscii()))";

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
      "Azure VM size of the nodes, e.g. Standard_D4s_v5; a Gen2 size for Gen2 or trusted-launch"
          + " images."
          + AT_ZERO_NODES)
  @Required
  @Pattern(ApiPatterns.VM_SIZE)
  @Size(max = 64)
  private String vmSize;

  @JsonPropertyDescription(
      "The image the nodes boot: exactly one of galleryImageVersionRef, managedImageRef, id or"
          + " marketplace."
          + AT_ZERO_NODES)
  @Required
  private PoolImage image;

  @JsonPropertyDescription(
      "Batch node agent SKU; it must match the image's OS, e.g. 'batch.node.ubuntu 22.04' or"
          + " 'batch.node.windows amd64'."
          + AT_ZERO_NODES)
  @Required
  @Size(min = 1, max = 64)
  private String nodeAgentSkuId;

  @JsonPropertyDescription("How many nodes: exactly one of fixed or autoScale." + IN_PLACE)
  @Required
  private PoolScale scale;

  @JsonPropertyDescription(
      "A task every node runs when it joins the pool, reboots or is reimaged." + IN_PLACE)
  private StartTask startTask;

  @JsonPropertyDescription(
      "Task slots per node, 1-256 and at most 4 per core of vmSize (Batch's default is 1)."
          + AT_ZERO_NODES)
  @Min(1)
  @Max(256)
  private Integer taskSlotsPerNode;

  @JsonPropertyDescription(
      "Name-value pairs Batch stores with the pool; not used by Batch itself, and left to the"
          + " user: Poolkeeper's owner mark goes into tags."
          + IN_PLACE)
  @Size(max = 50)
  private Map<String, String> metadata;

  @JsonPropertyDescription(
      "Display name of the pool in Azure, any Unicode up to 1024 characters; need not be unique."
          + AT_ZERO_NODES)
  @Size(max = 1024)
  private String displayName;

  @JsonPropertyDescription(
      "Azure tags of the pool resource. Poolkeeper adds poolkeeper-owner"
          + " (<namespace>/<name>/<uid>) here, never to metadata, which stays the user's."
          + AzureTags.DESCRIPTION_LIMITS
          + IN_PLACE)
  @Size(max = AzureTags.MAX_USER_TAGS)
  @ValidationRule(value = AzureTags.NAME_LENGTH_RULE, message = AzureTags.NAME_LENGTH_MESSAGE)
  @ValidationRule(
      value = AzureTags.NAME_CHARACTERS_RULE,
      message = AzureTags.NAME_CHARACTERS_MESSAGE)
  @ValidationRule(value = AzureTags.OWNER_RULE, message = AzureTags.OWNER_MESSAGE)
  private Map<String, @Size(max = AzureTags.MAX_VALUE_LENGTH) String> tags;

  @JsonPropertyDescription(
      "The subnet the nodes join, their public IP addresses and inbound NAT pools, and"
          + " accelerated networking."
          + AT_ZERO_NODES)
  private PoolNetworkConfiguration networkConfiguration;

  @JsonPropertyDescription(
      "User-assigned managed identities of the nodes, used by every identityReference (mounts,"
          + " registries, resource files). Prefer them to keys and passwords."
          + AT_ZERO_NODES)
  private PoolIdentity identity;

  @JsonPropertyDescription(
      "Enabled lets nodes talk to each other directly (e.g. MPI), which limits the pool's size;"
          + " Disabled is Batch's default."
          + AT_ZERO_NODES)
  private InterNodeCommunication interNodeCommunication;

  @JsonPropertyDescription("How tasks are spread over the nodes." + AT_ZERO_NODES)
  private TaskSchedulingPolicy taskSchedulingPolicy;

  @JsonPropertyDescription(
      "File systems every node mounts below $AZ_BATCH_NODE_MOUNTS_DIR: Azure Blob (blobfuse),"
          + " Azure Files, NFS or CIFS, one per entry."
          + AT_ZERO_NODES)
  @Size(max = 10)
  private List<MountConfiguration> mountConfiguration;

  @JsonPropertyDescription(
      "Makes the nodes run container tasks: the container runtime, images to prefetch and"
          + " private registries (Batch: deploymentConfiguration.virtualMachineConfiguration"
          + ".containerConfiguration)."
          + AT_ZERO_NODES)
  private ContainerConfiguration containerConfiguration;

  @JsonPropertyDescription(
      "Empty managed data disks attached to every node, each with its own lun (Batch:"
          + " virtualMachineConfiguration.dataDisks)."
          + AT_ZERO_NODES)
  @Size(max = 64)
  @ValidationRule(
      value = "self.all(d, self.exists_one(e, e.lun == d.lun))",
      message = "dataDisks has a lun twice: give each data disk its own lun.")
  private List<DataDisk> dataDisks;

  @JsonPropertyDescription(
      "The nodes' OS disk: ephemeral placement, caching, size and disk type (Batch:"
          + " virtualMachineConfiguration.osDisk)."
          + AT_ZERO_NODES)
  private OsDisk osDisk;

  @JsonPropertyDescription(
      "Trusted launch or confidential VM, secure boot, vTPM and encryption at host (Batch:"
          + " virtualMachineConfiguration.securityProfile). Images of trusted-launch VMs need"
          + " securityType trustedLaunch and a Gen2 vmSize."
          + AT_ZERO_NODES)
  private SecurityProfile securityProfile;

  @JsonPropertyDescription(
      "Disks Batch encrypts on the nodes (Batch:"
          + " virtualMachineConfiguration.diskEncryptionConfiguration)."
          + AT_ZERO_NODES)
  private DiskEncryptionConfiguration diskEncryptionConfiguration;

  @JsonPropertyDescription(
      "Regional or zonal placement of the nodes (Batch:"
          + " virtualMachineConfiguration.nodePlacementConfiguration)."
          + AT_ZERO_NODES)
  private NodePlacementConfiguration nodePlacementConfiguration;

  @JsonPropertyDescription(
      "VM extensions installed on every node, each name once (Batch:"
          + " virtualMachineConfiguration.extensions)."
          + AT_ZERO_NODES)
  @Size(max = 20)
  @ValidationRule(
      value = "self.all(x, self.exists_one(y, y.name == x.name))",
      message = "extensions has a name twice: give each extension its own name.")
  private List<VmExtension> extensions;

  @JsonPropertyDescription(
      "Application packages of the Batch account installed on each node, at most 10; nodes"
          + " already in the pool get a change when they reboot or are reimaged."
          + IN_PLACE)
  @Size(max = 10)
  private List<ApplicationPackageReference> applicationPackages;

  @JsonPropertyDescription(
      "Users created on every node, each name once; the start task can run as one of them."
          + AT_ZERO_NODES)
  @Size(max = 20)
  @ValidationRule(
      value = "self.all(u, self.exists_one(v, v.name == u.name))",
      message = "userAccounts has a name twice: give each user its own name.")
  private List<UserAccount> userAccounts;

  @JsonPropertyDescription(
      "How the nodes' OS image is upgraded: manual, automatic or rolling." + AT_ZERO_NODES)
  private UpgradePolicy upgradePolicy;

  @JsonPropertyDescription(
      "How the operator retries a fixed-size pool that stopped short of its target after a"
          + " retryable allocation failure. Poolkeeper's own setting, not sent to Azure.")
  private ResizeRecovery resizeRecovery;

  @JsonPropertyDescription(
      "How changes that Azure applies only to a pool without nodes (vmSize, image and most"
          + " settings) roll out. Poolkeeper's own setting, not sent to Azure.")
  private Rollout rollout;

  @JsonPropertyDescription(
      "What happens in Azure when this object is deleted: Delete removes the pool (only one"
          + " Poolkeeper created or adopted), Retain leaves it. Poolkeeper's own setting, not sent"
          + " to Azure.")
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

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }

  public PoolNetworkConfiguration getNetworkConfiguration() {
    return networkConfiguration;
  }

  public void setNetworkConfiguration(PoolNetworkConfiguration networkConfiguration) {
    this.networkConfiguration = networkConfiguration;
  }

  public PoolIdentity getIdentity() {
    return identity;
  }

  public void setIdentity(PoolIdentity identity) {
    this.identity = identity;
  }

  public InterNodeCommunication getInterNodeCommunication() {
    return interNodeCommunication;
  }

  public void setInterNodeCommunication(InterNodeCommunication interNodeCommunication) {
    this.interNodeCommunication = interNodeCommunication;
  }

  public TaskSchedulingPolicy getTaskSchedulingPolicy() {
    return taskSchedulingPolicy;
  }

  public void setTaskSchedulingPolicy(TaskSchedulingPolicy taskSchedulingPolicy) {
    this.taskSchedulingPolicy = taskSchedulingPolicy;
  }

  public List<MountConfiguration> getMountConfiguration() {
    return mountConfiguration;
  }

  public void setMountConfiguration(List<MountConfiguration> mountConfiguration) {
    this.mountConfiguration = mountConfiguration;
  }

  public ContainerConfiguration getContainerConfiguration() {
    return containerConfiguration;
  }

  public void setContainerConfiguration(ContainerConfiguration containerConfiguration) {
    this.containerConfiguration = containerConfiguration;
  }

  public List<DataDisk> getDataDisks() {
    return dataDisks;
  }

  public void setDataDisks(List<DataDisk> dataDisks) {
    this.dataDisks = dataDisks;
  }

  public OsDisk getOsDisk() {
    return osDisk;
  }

  public void setOsDisk(OsDisk osDisk) {
    this.osDisk = osDisk;
  }

  public SecurityProfile getSecurityProfile() {
    return securityProfile;
  }

  public void setSecurityProfile(SecurityProfile securityProfile) {
    this.securityProfile = securityProfile;
  }

  public DiskEncryptionConfiguration getDiskEncryptionConfiguration() {
    return diskEncryptionConfiguration;
  }

  public void setDiskEncryptionConfiguration(
      DiskEncryptionConfiguration diskEncryptionConfiguration) {
    this.diskEncryptionConfiguration = diskEncryptionConfiguration;
  }

  public NodePlacementConfiguration getNodePlacementConfiguration() {
    return nodePlacementConfiguration;
  }

  public void setNodePlacementConfiguration(NodePlacementConfiguration nodePlacementConfiguration) {
    this.nodePlacementConfiguration = nodePlacementConfiguration;
  }

  public List<VmExtension> getExtensions() {
    return extensions;
  }

  public void setExtensions(List<VmExtension> extensions) {
    this.extensions = extensions;
  }

  public List<ApplicationPackageReference> getApplicationPackages() {
    return applicationPackages;
  }

  public void setApplicationPackages(List<ApplicationPackageReference> applicationPackages) {
    this.applicationPackages = applicationPackages;
  }

  public List<UserAccount> getUserAccounts() {
    return userAccounts;
  }

  public void setUserAccounts(List<UserAccount> userAccounts) {
    this.userAccounts = userAccounts;
  }

  public UpgradePolicy getUpgradePolicy() {
    return upgradePolicy;
  }

  public void setUpgradePolicy(UpgradePolicy upgradePolicy) {
    this.upgradePolicy = upgradePolicy;
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

  /** Batch's InterNodeCommunicationState. */
  public enum InterNodeCommunication {
    Enabled,
    Disabled
  }
}
