package io.poolkeeper.azure.batch;

import java.util.List;
import java.util.Map;

/**
 * The settings of a Batch pool that Poolkeeper passes to Azure as they are, each record and
 * component named exactly as the Batch management REST API 2026-08-01 names it
 * (azure-rest-api-specs, specification/batch/resource-manager/Microsoft.Batch/Batch/stable/
 * 2026-08-01/openapi.json), so Jackson writes and reads them without a mapping of our own.
 *
 * <p>Lists are never null: absent means empty. Secret values ({@code x-ms-secret} in the
 * specification: account keys, SAS tokens, passwords, SSH keys, protected extension settings)
 * arrive already resolved by the caller; every record that holds one masks it in {@code toString},
 * and {@code withoutSecrets()} gives the copy Azure reports back (it never returns secrets), which
 * is what a comparison with a read pool can use.
 */
public final class PoolModel {

  /** How a masked secret reads in {@code toString}. */
  static final String MASK = "***";

  private PoolModel() {}

  static String mask(Object secret) {
    return secret == null ? "null" : MASK;
  }

  static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * A Marketplace image ({@code publisher}, {@code offer}, {@code sku}, {@code version}) or an
   * Azure Compute Gallery image or managed image by ARM {@code id}; the two are exclusive.
   */
  public record ImageReference(
      String publisher, String offer, String sku, String version, String id) {

    public static ImageReference ofId(String id) {
      return new ImageReference(null, null, null, null, id);
    }

    public static ImageReference marketplace(
        String publisher, String offer, String sku, String version) {
      return new ImageReference(publisher, offer, sku, version, null);
    }

    /** Same image: IDs compare ignoring case (ARM IDs do), an omitted version is "latest". */
    public boolean sameImageAs(ImageReference other) {
      if (other == null) {
        return false;
      }
      if (id != null || other.id != null) {
        return id != null && id.equalsIgnoreCase(other.id);
      }
      return java.util.Objects.equals(publisher, other.publisher)
          && java.util.Objects.equals(offer, other.offer)
          && java.util.Objects.equals(sku, other.sku)
          && versionOrLatest().equalsIgnoreCase(other.versionOrLatest());
    }

    private String versionOrLatest() {
      return version == null ? "latest" : version;
    }
  }

  /** The pool's network: subnet, public IPs, inbound NAT, accelerated networking. */
  public record NetworkConfiguration(
      String subnetId,
      String dynamicVnetAssignmentScope,
      PoolEndpointConfiguration endpointConfiguration,
      PublicIPAddressConfiguration publicIPAddressConfiguration,
      Boolean enableAcceleratedNetworking) {}

  /** {@code provision}: BatchManaged, UserManaged (with {@code ipAddressIds}) or none. */
  public record PublicIPAddressConfiguration(
      String provision, List<String> ipAddressIds, List<String> ipFamilies) {
    public PublicIPAddressConfiguration {
      ipAddressIds = listOf(ipAddressIds);
      ipFamilies = listOf(ipFamilies);
    }
  }

  /** Inbound NAT pools of the pool's nodes. */
  public record PoolEndpointConfiguration(List<InboundNatPool> inboundNatPools) {
    public PoolEndpointConfiguration {
      inboundNatPools = listOf(inboundNatPools);
    }
  }

  /** A range of frontend ports that reaches {@code backendPort} on each node. */
  public record InboundNatPool(
      String name,
      String protocol,
      int backendPort,
      int frontendPortRangeStart,
      int frontendPortRangeEnd,
      List<NetworkSecurityGroupRule> networkSecurityGroupRules) {
    public InboundNatPool {
      networkSecurityGroupRules = listOf(networkSecurityGroupRules);
    }
  }

  /** An NSG rule on an inbound NAT pool. */
  public record NetworkSecurityGroupRule(
      int priority, String access, String sourceAddressPrefix, List<String> sourcePortRanges) {
    public NetworkSecurityGroupRule {
      sourcePortRanges = listOf(sourcePortRanges);
    }
  }

  /** {@code nodeFillType} Spread or Pack; {@code jobDefaultOrder} None or CreationTime. */
  public record TaskSchedulingPolicy(String nodeFillType, String jobDefaultOrder) {}

  /** A user-assigned managed identity of the pool, by ARM resource ID. */
  public record ComputeNodeIdentityReference(String resourceId) {}

  /** One file system to mount on each node: exactly one of the four kinds. */
  public record MountConfiguration(
      AzureBlobFileSystemConfiguration azureBlobFileSystemConfiguration,
      NFSMountConfiguration nfsMountConfiguration,
      CIFSMountConfiguration cifsMountConfiguration,
      AzureFileShareConfiguration azureFileShareConfiguration) {

    public MountConfiguration withoutSecrets() {
      return new MountConfiguration(
          azureBlobFileSystemConfiguration == null
              ? null
              : azureBlobFileSystemConfiguration.withoutSecrets(),
          nfsMountConfiguration,
          cifsMountConfiguration == null ? null : cifsMountConfiguration.withoutSecrets(),
          azureFileShareConfiguration == null
              ? null
              : azureFileShareConfiguration.withoutSecrets());
    }
  }

  /**
   * A blob container mounted with blobfuse; exactly one of {@code accountKey}, {@code sasKey} and
   * {@code identityReference} (prefer the managed identity).
   */
  public record AzureBlobFileSystemConfiguration(
      String accountName,
      String containerName,
      String accountKey,
      String sasKey,
      String blobfuseOptions,
      String relativeMountPath,
      ComputeNodeIdentityReference identityReference) {

    public AzureBlobFileSystemConfiguration withoutSecrets() {
      return new AzureBlobFileSystemConfiguration(
          accountName,
          containerName,
          null,
          null,
          blobfuseOptions,
          relativeMountPath,
          identityReference);
    }

    @Override
    public String toString() {
      return "AzureBlobFileSystemConfiguration[accountName=%s, containerName=%s, accountKey=%s, sasKey=%s, blobfuseOptions=%s, relativeMountPath=%s, identityReference=%s]"
          .formatted(
              accountName,
              containerName,
              mask(accountKey),
              mask(sasKey),
              blobfuseOptions,
              relativeMountPath,
              identityReference);
    }
  }

  /** An Azure Files share; Azure requires the account key. */
  public record AzureFileShareConfiguration(
      String accountName,
      String azureFileUrl,
      String accountKey,
      String relativeMountPath,
      String mountOptions) {

    public AzureFileShareConfiguration withoutSecrets() {
      return new AzureFileShareConfiguration(
          accountName, azureFileUrl, null, relativeMountPath, mountOptions);
    }

    @Override
    public String toString() {
      return "AzureFileShareConfiguration[accountName=%s, azureFileUrl=%s, accountKey=%s, relativeMountPath=%s, mountOptions=%s]"
          .formatted(accountName, azureFileUrl, mask(accountKey), relativeMountPath, mountOptions);
    }
  }

  /** An NFS export. */
  public record NFSMountConfiguration(
      String source, String relativeMountPath, String mountOptions) {}

  /** A CIFS/SMB share with user name and password. */
  public record CIFSMountConfiguration(
      String userName,
      String source,
      String relativeMountPath,
      String mountOptions,
      String password) {

    public CIFSMountConfiguration withoutSecrets() {
      return new CIFSMountConfiguration(userName, source, relativeMountPath, mountOptions, null);
    }

    @Override
    public String toString() {
      return "CIFSMountConfiguration[userName=%s, source=%s, relativeMountPath=%s, mountOptions=%s, password=%s]"
          .formatted(userName, source, relativeMountPath, mountOptions, mask(password));
    }
  }

  /** Containers on the nodes: {@code type} DockerCompatible or CriCompatible. */
  public record ContainerConfiguration(
      String type, List<String> containerImageNames, List<ContainerRegistry> containerRegistries) {
    public ContainerConfiguration {
      containerImageNames = listOf(containerImageNames);
      containerRegistries = listOf(containerRegistries);
    }

    public ContainerConfiguration withoutSecrets() {
      return new ContainerConfiguration(
          type,
          containerImageNames,
          containerRegistries.stream().map(ContainerRegistry::withoutSecrets).toList());
    }
  }

  /** A private registry: by managed identity ({@code identityReference}) or user and password. */
  public record ContainerRegistry(
      String username,
      String password,
      String registryServer,
      ComputeNodeIdentityReference identityReference) {

    public ContainerRegistry withoutSecrets() {
      return new ContainerRegistry(username, null, registryServer, identityReference);
    }

    @Override
    public String toString() {
      return "ContainerRegistry[username=%s, password=%s, registryServer=%s, identityReference=%s]"
          .formatted(username, mask(password), registryServer, identityReference);
    }
  }

  /** An empty data disk attached to each node. */
  public record DataDisk(int lun, String caching, int diskSizeGB, ManagedDisk managedDisk) {}

  /**
   * {@code storageAccountType}: Standard_LRS, Premium_LRS or StandardSSD_LRS; {@code
   * securityProfile} only on the OS disk of a confidential VM, which requires it.
   */
  public record ManagedDisk(String storageAccountType, VMDiskSecurityProfile securityProfile) {

    /** A disk of this type without a security profile (every disk but a confidential VM's OS). */
    public ManagedDisk(String storageAccountType) {
      this(storageAccountType, null);
    }
  }

  /** {@code securityEncryptionType}: NonPersistedTPM, VMGuestStateOnly or DiskWithVMGuestState. */
  public record VMDiskSecurityProfile(String securityEncryptionType) {}

  /** The OS disk: ephemeral placement, caching, size, managed disk type. */
  public record OSDisk(
      DiffDiskSettings ephemeralOSDiskSettings,
      String caching,
      ManagedDisk managedDisk,
      Integer diskSizeGB,
      Boolean writeAcceleratorEnabled) {}

  /** {@code placement} CacheDisk: an ephemeral OS disk on the VM's cache disk. */
  public record DiffDiskSettings(String placement) {}

  /** Trusted launch or confidential VM, encryption at host, secure boot and vTPM. */
  public record SecurityProfile(
      String securityType, Boolean encryptionAtHost, UefiSettings uefiSettings) {}

  /** Secure boot and vTPM. */
  public record UefiSettings(Boolean secureBootEnabled, Boolean vTpmEnabled) {}

  /** {@code targets}: OsDisk and/or TemporaryDisk. */
  public record DiskEncryptionConfiguration(List<String> targets) {
    public DiskEncryptionConfiguration {
      targets = listOf(targets);
    }
  }

  /** {@code policy} Regional or Zonal. */
  public record NodePlacementConfiguration(String policy) {}

  /** A VM extension installed on each node. */
  public record VMExtension(
      String name,
      String publisher,
      String type,
      String typeHandlerVersion,
      Boolean autoUpgradeMinorVersion,
      Boolean enableAutomaticUpgrade,
      Map<String, Object> settings,
      Map<String, Object> protectedSettings,
      List<String> provisionAfterExtensions) {
    public VMExtension {
      provisionAfterExtensions = listOf(provisionAfterExtensions);
    }

    public VMExtension withoutSecrets() {
      return new VMExtension(
          name,
          publisher,
          type,
          typeHandlerVersion,
          autoUpgradeMinorVersion,
          enableAutomaticUpgrade,
          settings,
          null,
          provisionAfterExtensions);
    }

    @Override
    public String toString() {
      return "VMExtension[name=%s, publisher=%s, type=%s, typeHandlerVersion=%s, autoUpgradeMinorVersion=%s, enableAutomaticUpgrade=%s, settings=%s, protectedSettings=%s, provisionAfterExtensions=%s]"
          .formatted(
              name,
              publisher,
              type,
              typeHandlerVersion,
              autoUpgradeMinorVersion,
              enableAutomaticUpgrade,
              settings,
              mask(protectedSettings),
              provisionAfterExtensions);
    }
  }

  /** An application package of the Batch account; no {@code version}: its default version. */
  public record ApplicationPackageReference(String id, String version) {}

  /** A user account created on each node. */
  public record UserAccount(
      String name,
      String password,
      String elevationLevel,
      LinuxUserConfiguration linuxUserConfiguration,
      WindowsUserConfiguration windowsUserConfiguration) {

    public UserAccount withoutSecrets() {
      return new UserAccount(
          name,
          null,
          elevationLevel,
          linuxUserConfiguration == null ? null : linuxUserConfiguration.withoutSecrets(),
          windowsUserConfiguration);
    }

    @Override
    public String toString() {
      return "UserAccount[name=%s, password=%s, elevationLevel=%s, linuxUserConfiguration=%s, windowsUserConfiguration=%s]"
          .formatted(
              name,
              mask(password),
              elevationLevel,
              linuxUserConfiguration,
              windowsUserConfiguration);
    }
  }

  /** Linux uid/gid and the SSH key for inter-node SSH. */
  public record LinuxUserConfiguration(Integer uid, Integer gid, String sshPrivateKey) {

    public LinuxUserConfiguration withoutSecrets() {
      return new LinuxUserConfiguration(uid, gid, null);
    }

    @Override
    public String toString() {
      return "LinuxUserConfiguration[uid=%s, gid=%s, sshPrivateKey=%s]"
          .formatted(uid, gid, mask(sshPrivateKey));
    }
  }

  /** {@code loginMode} Batch or Interactive. */
  public record WindowsUserConfiguration(String loginMode) {}

  /** A file the start task downloads: exactly one of the three sources. */
  public record ResourceFile(
      String autoStorageContainerName,
      String storageContainerUrl,
      String httpUrl,
      String blobPrefix,
      String filePath,
      String fileMode,
      ComputeNodeIdentityReference identityReference) {}

  /** Whom a task runs as: a named user account or the auto user. */
  public record UserIdentity(String userName, AutoUserSpecification autoUser) {}

  /** {@code scope} Pool or Task, {@code elevationLevel} NonAdmin or Admin. */
  public record AutoUserSpecification(String scope, String elevationLevel) {}

  /** The container a task runs in. */
  public record TaskContainerSettings(
      String containerRunOptions,
      String imageName,
      ContainerRegistry registry,
      String workingDirectory) {

    public TaskContainerSettings withoutSecrets() {
      return new TaskContainerSettings(
          containerRunOptions,
          imageName,
          registry == null ? null : registry.withoutSecrets(),
          workingDirectory);
    }
  }

  /** How the nodes' VMs take OS and model upgrades: {@code mode} automatic, manual or rolling. */
  public record UpgradePolicy(
      String mode,
      AutomaticOSUpgradePolicy automaticOSUpgradePolicy,
      RollingUpgradePolicy rollingUpgradePolicy) {}

  /** Automatic OS upgrades of the scale set behind the pool. */
  public record AutomaticOSUpgradePolicy(
      Boolean disableAutomaticRollback,
      Boolean enableAutomaticOSUpgrade,
      Boolean useRollingUpgradePolicy,
      Boolean osRollingUpgradeDeferral) {}

  /** Batches of a rolling upgrade. */
  public record RollingUpgradePolicy(
      Boolean enableCrossZoneUpgrade,
      Integer maxBatchInstancePercent,
      Integer maxUnhealthyInstancePercent,
      Integer maxUnhealthyUpgradedInstancePercent,
      String pauseTimeBetweenBatches,
      Boolean prioritizeUnhealthyInstances,
      Boolean rollbackFailedInstancesOnPolicyBreach) {}

  /** The VMs of the pool: image, node agent, disks, containers, security, extensions. */
  public record VirtualMachineConfiguration(
      ImageReference imageReference,
      String nodeAgentSkuId,
      List<DataDisk> dataDisks,
      ContainerConfiguration containerConfiguration,
      DiskEncryptionConfiguration diskEncryptionConfiguration,
      NodePlacementConfiguration nodePlacementConfiguration,
      List<VMExtension> extensions,
      OSDisk osDisk,
      SecurityProfile securityProfile,
      String licenseType,
      WindowsConfiguration windowsConfiguration) {
    public VirtualMachineConfiguration {
      dataDisks = listOf(dataDisks);
      extensions = listOf(extensions);
    }

    /** Just an image and its node agent, everything else as Azure defaults it. */
    public static VirtualMachineConfiguration of(
        ImageReference imageReference, String nodeAgentSkuId) {
      return new VirtualMachineConfiguration(
          imageReference,
          nodeAgentSkuId,
          List.of(),
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          null);
    }

    public VirtualMachineConfiguration withoutSecrets() {
      return new VirtualMachineConfiguration(
          imageReference,
          nodeAgentSkuId,
          dataDisks,
          containerConfiguration == null ? null : containerConfiguration.withoutSecrets(),
          diskEncryptionConfiguration,
          nodePlacementConfiguration,
          extensions.stream().map(VMExtension::withoutSecrets).toList(),
          osDisk,
          securityProfile,
          licenseType,
          windowsConfiguration);
    }
  }

  /** Windows settings of the nodes' VMs. */
  public record WindowsConfiguration(Boolean enableAutomaticUpdates) {}
}
