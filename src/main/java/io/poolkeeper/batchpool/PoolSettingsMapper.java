package io.poolkeeper.batchpool;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolSpec;
import io.poolkeeper.api.IdentityReference;
import io.poolkeeper.api.PoolNetworkConfiguration;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.SecretValue;
import io.poolkeeper.api.StartTask;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.ScaleSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.ApplicationPackageReference;
import io.poolkeeper.azure.batch.PoolModel.AutoUserSpecification;
import io.poolkeeper.azure.batch.PoolModel.AutomaticOSUpgradePolicy;
import io.poolkeeper.azure.batch.PoolModel.AzureBlobFileSystemConfiguration;
import io.poolkeeper.azure.batch.PoolModel.AzureFileShareConfiguration;
import io.poolkeeper.azure.batch.PoolModel.CIFSMountConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ComputeNodeIdentityReference;
import io.poolkeeper.azure.batch.PoolModel.ContainerConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ContainerRegistry;
import io.poolkeeper.azure.batch.PoolModel.DataDisk;
import io.poolkeeper.azure.batch.PoolModel.DiffDiskSettings;
import io.poolkeeper.azure.batch.PoolModel.DiskEncryptionConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.azure.batch.PoolModel.InboundNatPool;
import io.poolkeeper.azure.batch.PoolModel.LinuxUserConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ManagedDisk;
import io.poolkeeper.azure.batch.PoolModel.MountConfiguration;
import io.poolkeeper.azure.batch.PoolModel.NFSMountConfiguration;
import io.poolkeeper.azure.batch.PoolModel.NetworkConfiguration;
import io.poolkeeper.azure.batch.PoolModel.NetworkSecurityGroupRule;
import io.poolkeeper.azure.batch.PoolModel.NodePlacementConfiguration;
import io.poolkeeper.azure.batch.PoolModel.OSDisk;
import io.poolkeeper.azure.batch.PoolModel.PoolEndpointConfiguration;
import io.poolkeeper.azure.batch.PoolModel.PublicIPAddressConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ResourceFile;
import io.poolkeeper.azure.batch.PoolModel.RollingUpgradePolicy;
import io.poolkeeper.azure.batch.PoolModel.SecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.TaskContainerSettings;
import io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy;
import io.poolkeeper.azure.batch.PoolModel.UefiSettings;
import io.poolkeeper.azure.batch.PoolModel.UpgradePolicy;
import io.poolkeeper.azure.batch.PoolModel.UserAccount;
import io.poolkeeper.azure.batch.PoolModel.UserIdentity;
import io.poolkeeper.azure.batch.PoolModel.VMDiskSecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.VMExtension;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import io.poolkeeper.azure.batch.PoolModel.WindowsUserConfiguration;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.SecretValues;
import io.poolkeeper.operator.SecretValues.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pool settings a BatchPool spec asks for, in the pool port's terms: every spec field Batch
 * takes, under the names of the Batch management API 2026-08-01, with the values of the Secrets the
 * spec names filled in. Poolkeeper's own fields ({@code resizeRecovery}, {@code rollout}, {@code
 * deletionPolicy}) stay here.
 */
final class PoolSettingsMapper {

  static final String START_TASK = "startTask";
  static final String MOUNT_CONFIGURATION = "mountConfiguration";
  static final String CONTAINER_CONFIGURATION = "containerConfiguration";
  static final String USER_ACCOUNTS = "userAccounts";
  static final String EXTENSIONS = "extensions";

  private PoolSettingsMapper() {}

  /**
   * A Secret key the spec names and the pool setting it feeds, by the REST property name {@link
   * io.poolkeeper.azure.PoolChanges} uses for it, so a changed Secret counts as a change of that
   * setting.
   */
  record SecretUse(String setting, Reference reference) {}

  /** Every Secret key the spec names, in spec order, with the setting each one feeds. */
  static List<SecretUse> secretReferences(BatchPoolSpec spec) {
    List<SecretUse> uses = new ArrayList<>();
    StartTask task = spec.getStartTask();
    if (task != null && task.getContainerSettings() != null) {
      addRegistry(uses, START_TASK, task.getContainerSettings().getRegistry());
    }
    for (io.poolkeeper.api.MountConfiguration mount : orEmpty(spec.getMountConfiguration())) {
      if (mount.getAzureBlobFileSystemConfiguration() != null) {
        add(uses, MOUNT_CONFIGURATION, mount.getAzureBlobFileSystemConfiguration().getAccountKey());
        add(uses, MOUNT_CONFIGURATION, mount.getAzureBlobFileSystemConfiguration().getSasKey());
      }
      if (mount.getAzureFileShareConfiguration() != null) {
        add(uses, MOUNT_CONFIGURATION, mount.getAzureFileShareConfiguration().getAccountKey());
      }
      if (mount.getCifsMountConfiguration() != null) {
        add(uses, MOUNT_CONFIGURATION, mount.getCifsMountConfiguration().getPassword());
      }
    }
    if (spec.getContainerConfiguration() != null) {
      for (io.poolkeeper.api.ContainerRegistry registry :
          orEmpty(spec.getContainerConfiguration().getContainerRegistries())) {
        addRegistry(uses, CONTAINER_CONFIGURATION, registry);
      }
    }
    for (io.poolkeeper.api.UserAccount user : orEmpty(spec.getUserAccounts())) {
      add(uses, USER_ACCOUNTS, user.getPassword());
      if (user.getLinuxUserConfiguration() != null) {
        add(uses, USER_ACCOUNTS, user.getLinuxUserConfiguration().getSshPrivateKey());
      }
    }
    for (io.poolkeeper.api.VmExtension extension : orEmpty(spec.getExtensions())) {
      add(uses, EXTENSIONS, extension.getProtectedSettings());
    }
    return uses;
  }

  /**
   * The settings for Azure.
   *
   * @param image the resolved image
   * @param resizeTimeout the effective resize timeout of a fixed pool
   * @param secrets the values of every key {@link #secretReferences} names
   * @throws SecretValues.InvalidSecretException if an extension's protected settings are not a JSON
   *     object
   */
  static PoolSettings settings(
      BatchPool pool, ImageReference image, Duration resizeTimeout, SecretValues.Resolved secrets) {
    BatchPoolSpec spec = pool.getSpec();
    return new PoolSettings(
        spec.getDisplayName(),
        spec.getVmSize(),
        virtualMachineConfiguration(spec, image, secrets),
        scale(spec.getScale(), resizeTimeout),
        startTask(spec.getStartTask(), secrets),
        spec.getTaskSlotsPerNode(),
        spec.getMetadata(),
        networkConfiguration(spec.getNetworkConfiguration()),
        spec.getIdentity() == null ? List.of() : spec.getIdentity().getUserAssignedIdentities(),
        name(spec.getInterNodeCommunication()),
        schedulingPolicy(spec.getTaskSchedulingPolicy()),
        map(spec.getMountConfiguration(), mount -> mount(mount, secrets)),
        map(
            spec.getApplicationPackages(),
            reference ->
                new ApplicationPackageReference(reference.getId(), reference.getVersion())),
        map(spec.getUserAccounts(), user -> userAccount(user, secrets)),
        upgradePolicy(spec.getUpgradePolicy()),
        OwnerTag.withOwner(spec.getTags() == null ? Map.of() : spec.getTags(), pool));
  }

  static ScaleSettings scale(PoolScale scale, Duration resizeTimeout) {
    if (scale.getAutoScale() != null) {
      return new AutoScaleSettings(
          scale.getAutoScale().getFormula(),
          duration(scale.getAutoScale().getEvaluationInterval()));
    }
    PoolScale.Fixed fixed = scale.getFixed();
    return new FixedScaleSettings(
        orZero(fixed.getTargetDedicatedNodes()),
        orZero(fixed.getTargetLowPriorityNodes()),
        resizeTimeout,
        name(fixed.getNodeDeallocationOption()));
  }

  static StartTaskSettings startTask(StartTask task, SecretValues.Resolved secrets) {
    if (task == null) {
      return null;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (task.getEnvironmentSettings() != null) {
      task.getEnvironmentSettings()
          .forEach(setting -> environment.put(setting.getName(), setting.getValue()));
    }
    List<ResourceFile> files =
        map(
            task.getResourceFiles(),
            file ->
                new ResourceFile(
                    file.getAutoStorageContainerName(),
                    file.getStorageContainerUrl(),
                    file.getHttpUrl(),
                    file.getBlobPrefix(),
                    file.getFilePath(),
                    file.getFileMode(),
                    identity(file.getIdentityReference())));
    StartTask.TaskContainerSettings container = task.getContainerSettings();
    return new StartTaskSettings(
        task.getCommandLine(),
        files,
        environment,
        userIdentity(task.getUserIdentity()),
        task.getMaxTaskRetryCount() == null ? 0 : task.getMaxTaskRetryCount(),
        task.getWaitForSuccess() == null || task.getWaitForSuccess(),
        container == null
            ? null
            : new TaskContainerSettings(
                container.getContainerRunOptions(),
                container.getImageName(),
                registry(container.getRegistry(), secrets),
                name(container.getWorkingDirectory())));
  }

  static Duration duration(String iso) {
    return iso == null ? null : Duration.parse(iso);
  }

  private static VirtualMachineConfiguration virtualMachineConfiguration(
      BatchPoolSpec spec, ImageReference image, SecretValues.Resolved secrets) {
    return new VirtualMachineConfiguration(
        image,
        spec.getNodeAgentSkuId(),
        map(spec.getDataDisks(), PoolSettingsMapper::dataDisk),
        containerConfiguration(spec.getContainerConfiguration(), secrets),
        spec.getDiskEncryptionConfiguration() == null
            ? null
            : new DiskEncryptionConfiguration(
                map(spec.getDiskEncryptionConfiguration().getTargets(), Enum::name)),
        spec.getNodePlacementConfiguration() == null
            ? null
            : new NodePlacementConfiguration(
                name(spec.getNodePlacementConfiguration().getPolicy())),
        map(spec.getExtensions(), extension -> extension(extension, secrets)),
        osDisk(spec.getOsDisk()),
        securityProfile(spec.getSecurityProfile()),
        null,
        null);
  }

  private static NetworkConfiguration networkConfiguration(PoolNetworkConfiguration network) {
    if (network == null) {
      return null;
    }
    PoolNetworkConfiguration.PublicIpAddressConfiguration publicIps =
        network.getPublicIPAddressConfiguration();
    return new NetworkConfiguration(
        network.getSubnetId(),
        name(network.getDynamicVnetAssignmentScope()),
        network.getEndpointConfiguration() == null
            ? null
            : new PoolEndpointConfiguration(
                map(
                    network.getEndpointConfiguration().getInboundNatPools(),
                    PoolSettingsMapper::inboundNatPool)),
        publicIps == null
            ? null
            : new PublicIPAddressConfiguration(
                name(publicIps.getProvision()), publicIps.getIpAddressIds(), List.of()),
        network.getEnableAcceleratedNetworking());
  }

  private static InboundNatPool inboundNatPool(PoolNetworkConfiguration.InboundNatPool nat) {
    return new InboundNatPool(
        nat.getName(),
        name(nat.getProtocol()),
        nat.getBackendPort(),
        nat.getFrontendPortRangeStart(),
        nat.getFrontendPortRangeEnd(),
        map(
            nat.getNetworkSecurityGroupRules(),
            rule ->
                new NetworkSecurityGroupRule(
                    rule.getPriority(),
                    name(rule.getAccess()),
                    rule.getSourceAddressPrefix(),
                    rule.getSourcePortRanges())));
  }

  private static MountConfiguration mount(
      io.poolkeeper.api.MountConfiguration mount, SecretValues.Resolved secrets) {
    io.poolkeeper.api.MountConfiguration.AzureBlobFileSystemConfiguration blob =
        mount.getAzureBlobFileSystemConfiguration();
    io.poolkeeper.api.MountConfiguration.NfsMountConfiguration nfs =
        mount.getNfsMountConfiguration();
    io.poolkeeper.api.MountConfiguration.CifsMountConfiguration cifs =
        mount.getCifsMountConfiguration();
    io.poolkeeper.api.MountConfiguration.AzureFileShareConfiguration files =
        mount.getAzureFileShareConfiguration();
    return new MountConfiguration(
        blob == null
            ? null
            : new AzureBlobFileSystemConfiguration(
                blob.getAccountName(),
                blob.getContainerName(),
                secret(blob.getAccountKey(), secrets),
                secret(blob.getSasKey(), secrets),
                blob.getBlobfuseOptions(),
                blob.getRelativeMountPath(),
                identity(blob.getIdentityReference())),
        nfs == null
            ? null
            : new NFSMountConfiguration(
                nfs.getSource(), nfs.getRelativeMountPath(), nfs.getMountOptions()),
        cifs == null
            ? null
            : new CIFSMountConfiguration(
                cifs.getUserName(),
                cifs.getSource(),
                cifs.getRelativeMountPath(),
                cifs.getMountOptions(),
                secret(cifs.getPassword(), secrets)),
        files == null
            ? null
            : new AzureFileShareConfiguration(
                files.getAccountName(),
                files.getAzureFileUrl(),
                secret(files.getAccountKey(), secrets),
                files.getRelativeMountPath(),
                files.getMountOptions()));
  }

  private static ContainerConfiguration containerConfiguration(
      io.poolkeeper.api.ContainerConfiguration containers, SecretValues.Resolved secrets) {
    if (containers == null) {
      return null;
    }
    return new ContainerConfiguration(
        name(containers.getType()),
        containers.getContainerImageNames(),
        map(containers.getContainerRegistries(), registry -> registry(registry, secrets)));
  }

  private static ContainerRegistry registry(
      io.poolkeeper.api.ContainerRegistry registry, SecretValues.Resolved secrets) {
    if (registry == null) {
      return null;
    }
    return new ContainerRegistry(
        registry.getUserName(),
        secret(registry.getPassword(), secrets),
        registry.getRegistryServer(),
        identity(registry.getIdentityReference()));
  }

  private static DataDisk dataDisk(io.poolkeeper.api.DataDisk disk) {
    return new DataDisk(
        disk.getLun(),
        name(disk.getCaching()),
        disk.getDiskSizeGB(),
        disk.getManagedDisk() == null
            ? null
            : new ManagedDisk(name(disk.getManagedDisk().getStorageAccountType())));
  }

  private static OSDisk osDisk(io.poolkeeper.api.OsDisk disk) {
    if (disk == null) {
      return null;
    }
    io.poolkeeper.api.OsDisk.ManagedDisk managed = disk.getManagedDisk();
    return new OSDisk(
        disk.getEphemeralOSDiskSettings() == null
            ? null
            : new DiffDiskSettings(name(disk.getEphemeralOSDiskSettings().getPlacement())),
        name(disk.getCaching()),
        managed == null
            ? null
            : new ManagedDisk(
                name(managed.getStorageAccountType()),
                managed.getSecurityProfile() == null
                    ? null
                    : new VMDiskSecurityProfile(
                        name(managed.getSecurityProfile().getSecurityEncryptionType()))),
        disk.getDiskSizeGB(),
        disk.getWriteAcceleratorEnabled());
  }

  private static SecurityProfile securityProfile(io.poolkeeper.api.SecurityProfile profile) {
    if (profile == null) {
      return null;
    }
    io.poolkeeper.api.SecurityProfile.UefiSettings uefi = profile.getUefiSettings();
    return new SecurityProfile(
        name(profile.getSecurityType()),
        profile.getEncryptionAtHost(),
        uefi == null ? null : new UefiSettings(uefi.getSecureBootEnabled(), uefi.getVTpmEnabled()));
  }

  private static VMExtension extension(
      io.poolkeeper.api.VmExtension extension, SecretValues.Resolved secrets) {
    return new VMExtension(
        extension.getName(),
        extension.getPublisher(),
        extension.getType(),
        extension.getTypeHandlerVersion(),
        extension.getAutoUpgradeMinorVersion(),
        extension.getEnableAutomaticUpgrade(),
        jsonObject(extension.getSettings()),
        extension.getProtectedSettings() == null
            ? null
            : secrets.jsonObject(reference(extension.getProtectedSettings())),
        extension.getProvisionAfterExtensions());
  }

  private static UserAccount userAccount(
      io.poolkeeper.api.UserAccount user, SecretValues.Resolved secrets) {
    io.poolkeeper.api.UserAccount.LinuxUserConfiguration linux = user.getLinuxUserConfiguration();
    io.poolkeeper.api.UserAccount.WindowsUserConfiguration windows =
        user.getWindowsUserConfiguration();
    return new UserAccount(
        user.getName(),
        secret(user.getPassword(), secrets),
        name(user.getElevationLevel()),
        linux == null
            ? null
            : new LinuxUserConfiguration(
                linux.getUid(), linux.getGid(), secret(linux.getSshPrivateKey(), secrets)),
        windows == null ? null : new WindowsUserConfiguration(name(windows.getLoginMode())));
  }

  private static UpgradePolicy upgradePolicy(io.poolkeeper.api.UpgradePolicy policy) {
    if (policy == null) {
      return null;
    }
    io.poolkeeper.api.UpgradePolicy.AutomaticOsUpgradePolicy automatic =
        policy.getAutomaticOSUpgradePolicy();
    io.poolkeeper.api.UpgradePolicy.RollingUpgradePolicy rolling = policy.getRollingUpgradePolicy();
    return new UpgradePolicy(
        name(policy.getMode()),
        automatic == null
            ? null
            : new AutomaticOSUpgradePolicy(
                automatic.getDisableAutomaticRollback(),
                automatic.getEnableAutomaticOSUpgrade(),
                automatic.getUseRollingUpgradePolicy(),
                automatic.getOsRollingUpgradeDeferral()),
        rolling == null
            ? null
            : new RollingUpgradePolicy(
                rolling.getEnableCrossZoneUpgrade(),
                rolling.getMaxBatchInstancePercent(),
                rolling.getMaxUnhealthyInstancePercent(),
                rolling.getMaxUnhealthyUpgradedInstancePercent(),
                rolling.getPauseTimeBetweenBatches(),
                rolling.getPrioritizeUnhealthyInstances(),
                rolling.getRollbackFailedInstancesOnPolicyBreach()));
  }

  private static UserIdentity userIdentity(StartTask.UserIdentity identity) {
    if (identity == null) {
      return null;
    }
    StartTask.AutoUser auto = identity.getAutoUser();
    return new UserIdentity(
        identity.getUserName(),
        auto == null
            ? null
            : new AutoUserSpecification(name(auto.getScope()), name(auto.getElevationLevel())));
  }

  private static TaskSchedulingPolicy schedulingPolicy(
      io.poolkeeper.api.TaskSchedulingPolicy policy) {
    if (policy == null) {
      return null;
    }
    return new TaskSchedulingPolicy(
        name(policy.getNodeFillType()), name(policy.getJobDefaultOrder()));
  }

  private static ComputeNodeIdentityReference identity(IdentityReference identity) {
    return identity == null ? null : new ComputeNodeIdentityReference(identity.getResourceId());
  }

  /** The Secret value behind a field, or {@code null} when the spec leaves the field out. */
  private static String secret(SecretValue value, SecretValues.Resolved secrets) {
    if (value == null) {
      return null;
    }
    Reference reference = reference(value);
    String resolved = secrets.value(reference);
    if (resolved == null) {
      throw new IllegalArgumentException(
          "Secret " + reference.secretName() + " key " + reference.key() + " was not resolved");
    }
    return resolved;
  }

  /** An extension's public settings, the JSON object the spec holds, as the port carries it. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> jsonObject(JsonNode settings) {
    return settings == null
        ? null
        : Serialization.unmarshal(Serialization.asJson(settings), Map.class);
  }

  private static Reference reference(SecretValue value) {
    return new Reference(value.getSecretKeyRef().getName(), value.getSecretKeyRef().getKey());
  }

  private static void add(List<SecretUse> uses, String setting, SecretValue value) {
    if (value != null) {
      uses.add(new SecretUse(setting, reference(value)));
    }
  }

  private static void addRegistry(
      List<SecretUse> uses, String setting, io.poolkeeper.api.ContainerRegistry registry) {
    if (registry != null) {
      add(uses, setting, registry.getPassword());
    }
  }

  private static <A, B> List<B> map(List<A> list, Function<A, B> mapping) {
    return list == null ? List.of() : list.stream().map(mapping).toList();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
