package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.ElevationLevel;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.StartTask;
import io.poolkeeper.api.TaskSchedulingPolicy;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolSettings;
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
import io.poolkeeper.azure.batch.PoolModel.UefiSettings;
import io.poolkeeper.azure.batch.PoolModel.UpgradePolicy;
import io.poolkeeper.azure.batch.PoolModel.UserAccount;
import io.poolkeeper.azure.batch.PoolModel.UserIdentity;
import io.poolkeeper.azure.batch.PoolModel.VMDiskSecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.VMExtension;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import io.poolkeeper.batchpool.PoolSettingsMapper.SecretUse;
import io.poolkeeper.operator.OwnerTag;
import io.poolkeeper.operator.SecretValues;
import io.poolkeeper.operator.SecretValues.Reference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The BatchPool spec in the pool port's terms: each field under its Batch 2026-08-01 name
 * (Microsoft.Batch/Batch/stable/2026-08-01/openapi.json, definitions PoolProperties and those it
 * uses), with the Secret values its secretKeyRefs name.
 */
class PoolSettingsMapperTest {

  private static final ImageReference IMAGE = ImageReference.ofId("/subscriptions/s/images/i");
  private static final String RG = "/subscriptions/s/resourceGroups/rg/providers/";
  private static final String IDENTITY =
      RG + "Microsoft.ManagedIdentity/userAssignedIdentities/render-nodes";
  private static final ComputeNodeIdentityReference NODE_IDENTITY =
      new ComputeNodeIdentityReference(IDENTITY);
  private static final String SUBNET =
      RG + "Microsoft.Network/virtualNetworks/vnet-render/subnets/batch-nodes";
  private static final String PUBLIC_IP = RG + "Microsoft.Network/publicIPAddresses/render-ip";

  /** One spec with every field Batch takes; each secret value is distinct and greppable. */
  private static final String EVERY_FIELD =
      """
      apiVersion: poolkeeper.io/v1alpha1
      kind: BatchPool
      metadata: {name: render-prod, namespace: render, uid: uid-1, generation: 1}
      spec:
        account: {subscriptionId: s, resourceGroup: rg, name: renderbatch}
        displayName: Render farm
        vmSize: Standard_D8s_v5
        image: {id: /subscriptions/s/images/i}
        nodeAgentSkuId: batch.node.ubuntu 22.04
        scale: {fixed: {targetDedicatedNodes: 20, targetLowPriorityNodes: 5}}
        taskSlotsPerNode: 4
        metadata: {owner: render-team}
        tags: {team: render}
        interNodeCommunication: Enabled
        taskSchedulingPolicy: {nodeFillType: Pack, jobDefaultOrder: CreationTime}
        networkConfiguration:
          subnetId: %1$s
          dynamicVnetAssignmentScope: none
          enableAcceleratedNetworking: true
          publicIPAddressConfiguration: {provision: UserManaged, ipAddressIds: [%2$s]}
          endpointConfiguration:
            inboundNatPools:
              - name: ssh
                protocol: TCP
                backendPort: 22
                frontendPortRangeStart: 15000
                frontendPortRangeEnd: 15100
                networkSecurityGroupRules:
                  - {priority: 150, access: Allow, sourceAddressPrefix: 10.0.0.0/8,
                     sourcePortRanges: ["*"]}
        identity: {type: UserAssigned, userAssignedIdentities: [%3$s]}
        mountConfiguration:
          - azureBlobFileSystemConfiguration:
              accountName: renderassets
              containerName: scenes
              relativeMountPath: scenes
              blobfuseOptions: -o allow_other
              sasKey: {secretKeyRef: {name: render-blob, key: sas}}
          - azureFileShareConfiguration:
              accountName: renderfiles
              azureFileUrl: https://renderfiles.file.core.windows.net/output
              relativeMountPath: output
              mountOptions: -o vers=3.0
              accountKey: {secretKeyRef: {name: render-files, key: accountKey}}
          - nfsMountConfiguration: {source: "10.0.0.4:/exports/cache", relativeMountPath: cache}
          - cifsMountConfiguration:
              source: //10.0.0.5/out
              relativeMountPath: out
              userName: renderer
              password: {secretKeyRef: {name: render-cifs, key: password}}
        containerConfiguration:
          type: DockerCompatible
          containerImageNames: [render.azurecr.io/blender:4.2]
          containerRegistries:
            - {registryServer: render.azurecr.io, identityReference: {resourceId: %3$s}}
            - registryServer: docker.example.com
              userName: puller
              password: {secretKeyRef: {name: render-registry, key: password}}
        dataDisks:
          - {lun: 0, diskSizeGB: 256, caching: ReadOnly,
             managedDisk: {storageAccountType: Premium_LRS}}
        osDisk:
          ephemeralOSDiskSettings: {placement: CacheDisk}
          caching: ReadOnly
          diskSizeGB: 128
          writeAcceleratorEnabled: false
          managedDisk:
            storageAccountType: Premium_LRS
            securityProfile: {securityEncryptionType: VMGuestStateOnly}
        securityProfile:
          securityType: confidentialVM
          encryptionAtHost: true
          uefiSettings: {secureBootEnabled: true, vTpmEnabled: true}
        diskEncryptionConfiguration: {targets: [TemporaryDisk]}
        nodePlacementConfiguration: {policy: Zonal}
        extensions:
          - name: monitor
            publisher: Microsoft.Azure.Monitor
            type: AzureMonitorLinuxAgent
            typeHandlerVersion: "1.0"
            autoUpgradeMinorVersion: true
            enableAutomaticUpgrade: true
            settings: {workspace: render, retries: 3}
            protectedSettings: {secretKeyRef: {name: render-monitor, key: protected}}
            provisionAfterExtensions: [other]
        applicationPackages: [{id: blender, version: "4.2"}]
        userAccounts:
          - name: render
            password: {secretKeyRef: {name: render-user, key: password}}
            elevationLevel: Admin
            linuxUserConfiguration:
              uid: 1500
              gid: 1500
              sshPrivateKey: {secretKeyRef: {name: render-user, key: ssh}}
          - name: winuser
            password: {secretKeyRef: {name: render-user, key: windows}}
            windowsUserConfiguration: {loginMode: Batch}
        upgradePolicy:
          mode: rolling
          automaticOSUpgradePolicy:
            enableAutomaticOSUpgrade: true
            disableAutomaticRollback: false
            useRollingUpgradePolicy: true
            osRollingUpgradeDeferral: true
          rollingUpgradePolicy:
            enableCrossZoneUpgrade: true
            maxBatchInstancePercent: 20
            maxUnhealthyInstancePercent: 30
            maxUnhealthyUpgradedInstancePercent: 10
            pauseTimeBetweenBatches: PT5M
            prioritizeUnhealthyInstances: true
            rollbackFailedInstancesOnPolicyBreach: false
        startTask:
          commandLine: /bin/bash -c 'bash setup.sh'
          resourceFiles:
            - {httpUrl: "https://renderassets.blob.core.windows.net/tools/setup.sh",
               filePath: setup.sh, fileMode: "0755", identityReference: {resourceId: %3$s}}
          userIdentity: {userName: render}
          maxTaskRetryCount: 2
          waitForSuccess: false
          environmentSettings: [{name: STAGE, value: production}]
          containerSettings:
            imageName: docker.example.com/setup:1
            containerRunOptions: --rm
            workingDirectory: TaskWorkingDirectory
            registry:
              registryServer: docker.example.com
              userName: starter
              password: {secretKeyRef: {name: render-start-registry, key: password}}
        resizeRecovery: {maxAttempts: 3}
        rollout: {strategy: DrainAndRecreate}
        deletionPolicy: Retain
      """
          .formatted(SUBNET, PUBLIC_IP, IDENTITY);

  private static final Map<Reference, String> SECRET_VALUES = secretValues();

  @Test
  void everyFieldOfTheSpecIsPassedUnderItsBatchName() {
    BatchPool pool = everyField();

    PoolSettings settings =
        PoolSettingsMapper.settings(pool, IMAGE, Duration.ofMinutes(15), resolved());

    assertThat(settings.displayName()).isEqualTo("Render farm");
    assertThat(settings.vmSize()).isEqualTo("Standard_D8s_v5");
    assertThat(settings.scale())
        .isEqualTo(new FixedScaleSettings(20, 5, Duration.ofMinutes(15), null));
    assertThat(settings.taskSlotsPerNode()).isEqualTo(4);
    assertThat(settings.metadata()).containsExactly(Map.entry("owner", "render-team"));
    assertThat(settings.tags())
        .containsEntry("team", "render")
        .containsEntry(OwnerTag.KEY, OwnerTag.value(pool));
    assertThat(settings.interNodeCommunication()).isEqualTo("Enabled");
    assertThat(settings.taskSchedulingPolicy())
        .isEqualTo(
            new io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy("Pack", "CreationTime"));
    assertThat(settings.userAssignedIdentities()).containsExactly(IDENTITY);
    assertThat(settings.applicationPackages())
        .containsExactly(new ApplicationPackageReference("blender", "4.2"));
    assertThat(settings.networkConfiguration())
        .isEqualTo(
            new NetworkConfiguration(
                SUBNET,
                "none",
                new PoolEndpointConfiguration(
                    List.of(
                        new InboundNatPool(
                            "ssh",
                            "TCP",
                            22,
                            15000,
                            15100,
                            List.of(
                                new NetworkSecurityGroupRule(
                                    150, "Allow", "10.0.0.0/8", List.of("*")))))),
                new PublicIPAddressConfiguration("UserManaged", List.of(PUBLIC_IP), List.of()),
                true));
    assertThat(settings.mountConfiguration())
        .containsExactly(
            new MountConfiguration(
                new AzureBlobFileSystemConfiguration(
                    "renderassets", "scenes", null, "sas-value", "-o allow_other", "scenes", null),
                null,
                null,
                null),
            new MountConfiguration(
                null,
                null,
                null,
                new AzureFileShareConfiguration(
                    "renderfiles",
                    "https://renderfiles.file.core.windows.net/output",
                    "files-key-value",
                    "output",
                    "-o vers=3.0")),
            new MountConfiguration(
                null,
                new NFSMountConfiguration("10.0.0.4:/exports/cache", "cache", null),
                null,
                null),
            new MountConfiguration(
                null,
                null,
                new CIFSMountConfiguration(
                    "renderer", "//10.0.0.5/out", "out", null, "cifs-password-value"),
                null));
    assertThat(settings.userAccounts())
        .containsExactly(
            new UserAccount(
                "render",
                "user-password-value",
                "Admin",
                new LinuxUserConfiguration(1500, 1500, "ssh-key-value"),
                null),
            new UserAccount(
                "winuser",
                "windows-password-value",
                null,
                null,
                new io.poolkeeper.azure.batch.PoolModel.WindowsUserConfiguration("Batch")));
    assertThat(settings.upgradePolicy())
        .isEqualTo(
            new UpgradePolicy(
                "rolling",
                new AutomaticOSUpgradePolicy(false, true, true, true),
                new RollingUpgradePolicy(true, 20, 30, 10, "PT5M", true, false)));

    VirtualMachineConfiguration vm = settings.virtualMachineConfiguration();
    assertThat(vm.imageReference()).isEqualTo(IMAGE);
    assertThat(vm.nodeAgentSkuId()).isEqualTo("batch.node.ubuntu 22.04");
    assertThat(vm.dataDisks())
        .containsExactly(new DataDisk(0, "ReadOnly", 256, new ManagedDisk("Premium_LRS")));
    assertThat(vm.containerConfiguration())
        .isEqualTo(
            new ContainerConfiguration(
                "DockerCompatible",
                List.of("render.azurecr.io/blender:4.2"),
                List.of(
                    new ContainerRegistry(null, null, "render.azurecr.io", NODE_IDENTITY),
                    new ContainerRegistry(
                        "puller", "registry-password-value", "docker.example.com", null))));
    assertThat(vm.osDisk())
        .isEqualTo(
            new OSDisk(
                new DiffDiskSettings("CacheDisk"),
                "ReadOnly",
                new ManagedDisk("Premium_LRS", new VMDiskSecurityProfile("VMGuestStateOnly")),
                128,
                false));
    assertThat(vm.securityProfile())
        .isEqualTo(new SecurityProfile("confidentialVM", true, new UefiSettings(true, true)));
    assertThat(vm.diskEncryptionConfiguration())
        .isEqualTo(new DiskEncryptionConfiguration(List.of("TemporaryDisk")));
    assertThat(vm.nodePlacementConfiguration()).isEqualTo(new NodePlacementConfiguration("Zonal"));
    Map<String, Object> publicSettings = new LinkedHashMap<>();
    publicSettings.put("workspace", "render");
    publicSettings.put("retries", 3);
    assertThat(vm.extensions())
        .containsExactly(
            new VMExtension(
                "monitor",
                "Microsoft.Azure.Monitor",
                "AzureMonitorLinuxAgent",
                "1.0",
                true,
                true,
                publicSettings,
                Map.of("workspaceKey", "monitor-key-value"),
                List.of("other")));

    var task = settings.startTask();
    assertThat(task.commandLine()).isEqualTo("/bin/bash -c 'bash setup.sh'");
    assertThat(task.resourceFiles())
        .containsExactly(
            new ResourceFile(
                null,
                null,
                "https://renderassets.blob.core.windows.net/tools/setup.sh",
                null,
                "setup.sh",
                "0755",
                NODE_IDENTITY));
    assertThat(task.userIdentity()).isEqualTo(new UserIdentity("render", null));
    assertThat(task.maxTaskRetryCount()).isEqualTo(2);
    assertThat(task.waitForSuccess()).isFalse();
    assertThat(task.environment()).containsExactly(Map.entry("STAGE", "production"));
    assertThat(task.containerSettings())
        .isEqualTo(
            new TaskContainerSettings(
                "--rm",
                "docker.example.com/setup:1",
                new ContainerRegistry(
                    "starter", "start-registry-password-value", "docker.example.com", null),
                "TaskWorkingDirectory"));
  }

  @Test
  void everySecretKeyRefIsListedWithTheSettingItFeeds() {
    List<SecretUse> uses = PoolSettingsMapper.secretReferences(everyField().getSpec());

    assertThat(uses)
        .containsExactly(
            use("startTask", "render-start-registry", "password"),
            use("mountConfiguration", "render-blob", "sas"),
            use("mountConfiguration", "render-files", "accountKey"),
            use("mountConfiguration", "render-cifs", "password"),
            use("containerConfiguration", "render-registry", "password"),
            use("userAccounts", "render-user", "password"),
            use("userAccounts", "render-user", "ssh"),
            use("userAccounts", "render-user", "windows"),
            use("extensions", "render-monitor", "protected"));
    assertThat(uses).extracting(SecretUse::reference).hasSameElementsAs(SECRET_VALUES.keySet());
    assertThat(PoolSettingsMapper.secretReferences(BatchPoolDecisionTest.pool(1).getSpec()))
        .isEmpty();
  }

  @Test
  void noSecretValueShowsInTheSettingsToString() {
    PoolSettings settings =
        PoolSettingsMapper.settings(everyField(), IMAGE, Duration.ofMinutes(15), resolved());

    String printed = settings.toString();

    assertThat(SECRET_VALUES.values())
        .allSatisfy(value -> assertThat(printed).doesNotContain(value));
    assertThat(printed).doesNotContain("monitor-key-value");
    // The values are in there, masked: the settings are printed, not emptied.
    assertThat(printed).contains("password=***", "accountKey=***", "protectedSettings=***");
  }

  @Test
  void protectedSettingsThatAreNotAJsonObjectAreRefusedNamingTheSecretButNotTheValue() {
    // Batch's VMExtension.protectedSettings is an object (2026-08-01 openapi.json).
    for (String value : List.of("hunter2", "[\"hunter2\"]", "{\"hunter2\": 1} trailing")) {
      Map<Reference, String> values = new LinkedHashMap<>(SECRET_VALUES);
      values.put(new Reference("render-monitor", "protected"), value);
      SecretValues.Resolved secrets = new SecretValues.Resolved(values, Map.of());

      assertThatThrownBy(
              () ->
                  PoolSettingsMapper.settings(everyField(), IMAGE, Duration.ofMinutes(15), secrets))
          .isInstanceOf(SecretValues.InvalidSecretException.class)
          .hasMessageContaining("Secret render-monitor key protected")
          .hasMessageContaining("JSON object")
          .hasMessageNotContaining("hunter2")
          .hasNoCause();
    }
  }

  @Test
  void mapsTheCoreSettingsAndPutsTheOwnerIntoTagsNotMetadata() {
    BatchPool pool = BatchPoolDecisionTest.pool(50);
    pool.getSpec().setMetadata(Map.of("team", "render"));
    pool.getSpec().setTags(Map.of("cost-center", "42"));
    pool.getSpec().setTaskSlotsPerNode(4);
    pool.getSpec()
        .getScale()
        .getFixed()
        .setNodeDeallocationOption(PoolScale.NodeDeallocationOption.TaskCompletion);
    TaskSchedulingPolicy scheduling = new TaskSchedulingPolicy();
    scheduling.setNodeFillType(TaskSchedulingPolicy.NodeFillType.Pack);
    pool.getSpec().setTaskSchedulingPolicy(scheduling);

    PoolSettings settings =
        PoolSettingsMapper.settings(
            pool, IMAGE, Duration.ofMinutes(15), SecretValues.Resolved.NONE);

    assertThat(settings.vmSize()).isEqualTo("Standard_D4s_v5");
    assertThat(settings.virtualMachineConfiguration())
        .isEqualTo(VirtualMachineConfiguration.of(IMAGE, "batch.node.ubuntu 22.04"));
    assertThat(settings.scale())
        .isEqualTo(new FixedScaleSettings(50, 0, Duration.ofMinutes(15), "TaskCompletion"));
    assertThat(settings.metadata()).containsExactly(Map.entry("team", "render"));
    assertThat(settings.tags())
        .containsEntry("cost-center", "42")
        .containsEntry(OwnerTag.KEY, OwnerTag.value(pool));
    assertThat(settings.taskSlotsPerNode()).isEqualTo(4);
    assertThat(settings.taskSchedulingPolicy().nodeFillType()).isEqualTo("Pack");
    assertThat(settings.networkConfiguration()).isNull();
    assertThat(settings.mountConfiguration()).isEmpty();
    assertThat(settings.userAccounts()).isEmpty();
    assertThat(settings.upgradePolicy()).isNull();
  }

  @Test
  void mapsTheStartTaskWithItsEnvironmentInOrderAndItsAutoUser() {
    StartTask task = BatchPoolDecisionTest.startTask("/bin/bash -c 'echo ready'");
    StartTask.EnvironmentSetting first = new StartTask.EnvironmentSetting();
    first.setName("B");
    first.setValue("2");
    StartTask.EnvironmentSetting second = new StartTask.EnvironmentSetting();
    second.setName("A");
    second.setValue("1");
    task.setEnvironmentSettings(List.of(first, second));
    StartTask.UserIdentity identity = new StartTask.UserIdentity();
    StartTask.AutoUser auto = new StartTask.AutoUser();
    auto.setScope(StartTask.AutoUserScope.Pool);
    auto.setElevationLevel(ElevationLevel.Admin);
    identity.setAutoUser(auto);
    task.setUserIdentity(identity);

    var mapped = PoolSettingsMapper.startTask(task, SecretValues.Resolved.NONE);

    assertThat(mapped.commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    assertThat(mapped.environment().keySet()).containsExactly("B", "A");
    assertThat(mapped.userIdentity().autoUser())
        .isEqualTo(new AutoUserSpecification("Pool", "Admin"));
    assertThat(mapped.waitForSuccess()).isTrue();
    assertThat(mapped.containerSettings()).isNull();
    assertThat(PoolSettingsMapper.startTask(null, SecretValues.Resolved.NONE)).isNull();
  }

  @Test
  void anAutoscaleSpecBecomesAFormulaWithItsInterval() {
    PoolScale scale = new PoolScale();
    PoolScale.AutoScale auto = new PoolScale.AutoScale();
    auto.setFormula("$TargetDedicatedNodes = 3;");
    auto.setEvaluationInterval("PT5M");
    scale.setAutoScale(auto);

    assertThat(PoolSettingsMapper.scale(scale, null))
        .isEqualTo(new AutoScaleSettings("$TargetDedicatedNodes = 3;", Duration.ofMinutes(5)));
  }

  static BatchPool everyField() {
    return Serialization.unmarshal(EVERY_FIELD, BatchPool.class);
  }

  static SecretValues.Resolved resolved() {
    return new SecretValues.Resolved(SECRET_VALUES, Map.of());
  }

  private static Map<Reference, String> secretValues() {
    Map<Reference, String> values = new LinkedHashMap<>();
    values.put(new Reference("render-start-registry", "password"), "start-registry-password-value");
    values.put(new Reference("render-blob", "sas"), "sas-value");
    values.put(new Reference("render-files", "accountKey"), "files-key-value");
    values.put(new Reference("render-cifs", "password"), "cifs-password-value");
    values.put(new Reference("render-registry", "password"), "registry-password-value");
    values.put(new Reference("render-user", "password"), "user-password-value");
    values.put(new Reference("render-user", "ssh"), "ssh-key-value");
    values.put(new Reference("render-user", "windows"), "windows-password-value");
    values.put(
        new Reference("render-monitor", "protected"), "{\"workspaceKey\": \"monitor-key-value\"}");
    return values;
  }

  private static SecretUse use(String setting, String secret, String key) {
    return new SecretUse(setting, new Reference(secret, key));
  }
}
