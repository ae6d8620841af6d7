package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolDefinition;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolSettings;
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
import io.poolkeeper.azure.batch.PoolModel.VMExtension;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import io.poolkeeper.emulator.EmulatorPerClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A production pool with every setting the port carries, created through {@link PoolService}
 * against the emulator and read back, and the in-place changes of {@link PoolChanges} applied.
 * Field names and shapes: Batch management 2026-08-01 openapi.json (definitions Pool,
 * PoolProperties, VirtualMachineConfiguration and those they use).
 */
class PoolSettingsContractIT {

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private static final String NETWORK_GROUP =
      AzureResourceIds.resourceGroup(EmulatedAzure.SUBSCRIPTION, "rg-network");
  private static final String SUBNET =
      NETWORK_GROUP + "/providers/Microsoft.Network/virtualNetworks/render-vnet/subnets/nodes";
  private static final String IDENTITY =
      NETWORK_GROUP + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/render-nodes";
  private static final ComputeNodeIdentityReference NODE_IDENTITY =
      new ComputeNodeIdentityReference(IDENTITY);

  private final EmulatedAzure azure = EmulatedAzure.on(emulated);
  private final PoolService pools = azure.clients.pools();
  private final PoolRef pool = ACCOUNT.pool("production");

  @Test
  void everyPropertySettingIsPassedToAzureAndReadBack() {
    PoolSettings wanted = production(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), null));

    PoolInfo created = pools.create(new PoolDefinition(pool, wanted));
    PoolSettings got = pools.get(pool).orElseThrow().settings();
    PoolSettings listed = pools.list(ACCOUNT).get(0).settings();

    PoolSettings expected = wanted.withoutSecrets();
    for (PoolSettings read : List.of(created.settings(), got, listed)) {
      assertThat(read.displayName()).isEqualTo(expected.displayName());
      assertThat(read.vmSize()).isEqualToIgnoringCase(expected.vmSize());
      assertThat(read.virtualMachineConfiguration().withoutSecrets())
          .isEqualTo(expected.virtualMachineConfiguration());
      assertThat(read.scale()).isEqualTo(expected.scale());
      assertThat(read.startTask()).isEqualTo(expected.startTask());
      assertThat(read.taskSlotsPerNode()).isEqualTo(expected.taskSlotsPerNode());
      assertThat(read.metadata()).isEqualTo(expected.metadata());
      assertThat(read.networkConfiguration()).isEqualTo(expected.networkConfiguration());
      assertThat(read.interNodeCommunication()).isEqualTo(expected.interNodeCommunication());
      assertThat(read.taskSchedulingPolicy()).isEqualTo(expected.taskSchedulingPolicy());
      assertThat(read.mountConfiguration().stream().map(MountConfiguration::withoutSecrets))
          .containsExactlyElementsOf(expected.mountConfiguration());
      assertThat(read.applicationPackages()).isEqualTo(expected.applicationPackages());
      assertThat(read.userAccounts().stream().map(UserAccount::withoutSecrets))
          .containsExactlyElementsOf(expected.userAccounts());
      assertThat(read.upgradePolicy()).isEqualTo(expected.upgradePolicy());
    }
  }

  @Test
  void theIdentitiesAndTagsOfThePoolResourceAreReadBackAndTagsChangeInPlace() {
    PoolSettings wanted = production(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), null));

    pools.create(new PoolDefinition(pool, wanted));
    PoolSettings got = pools.get(pool).orElseThrow().settings();

    // Pool.identity (BatchPoolIdentity) and Pool.tags sit beside properties in 2026-08-01.
    assertThat(got.userAssignedIdentities()).containsExactly(IDENTITY);
    assertThat(got.tags()).isEqualTo(wanted.tags());
    PoolInfo retagged =
        pools.patch(
            pool,
            new PoolService.PoolPatch(
                null,
                null,
                null,
                null,
                null,
                Map.of("owner", "poolkeeper", "cost-center", "42"),
                null,
                null,
                null,
                null,
                null));
    assertThat(retagged.settings().tags())
        .isEqualTo(Map.of("owner", "poolkeeper", "cost-center", "42"));
  }

  @Test
  void azureNeverReportsSecretsBack() {
    pools.create(
        new PoolDefinition(
            pool, production(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), null))));

    PoolSettings got = pools.get(pool).orElseThrow().settings();

    // x-ms-secret in the 2026-08-01 schema: accountKey, sasKey, password, sshPrivateKey and
    // protectedSettings are write-only.
    assertThat(got).isEqualTo(got.withoutSecrets());
  }

  @Test
  void inPlaceChangesOfAnEmptyPoolApplyAndLeaveItInSync() {
    PoolSettings before =
        PoolSettings.basic(
            "Standard_D4s_v5",
            VirtualMachineConfiguration.of(
                ImageReference.marketplace(
                    "Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest"),
                "batch.node.ubuntu 22.04"),
            new FixedScaleSettings(0, 0, Duration.ofMinutes(15), null),
            StartTaskSettings.asAutoUser("/bin/true", true, 0, Map.of(), "NonAdmin"),
            2,
            Map.of("team", "render"));
    pools.create(new PoolDefinition(pool, before));
    PoolSettings after =
        new PoolSettings(
            null,
            "Standard_D8s_v5",
            VirtualMachineConfiguration.of(
                ImageReference.marketplace("Canonical", "ubuntu-24_04-lts", "server", "latest"),
                "batch.node.ubuntu 24.04"),
            new FixedScaleSettings(2, 0, Duration.ofMinutes(20), null),
            null,
            2,
            Map.of("team", "render", "stage", "v2"),
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(
                new ApplicationPackageReference(
                    ACCOUNT.resourceId() + "/applications/blender", "4.2")),
            List.of(),
            new UpgradePolicy("manual", null, null),
            Map.of());

    PoolChanges.Plan plan = PoolChanges.between(after, pools.get(pool).orElseThrow());

    assertThat(plan.inPlace())
        .containsExactlyInAnyOrder("scaleSettings", "startTask", "metadata", "applicationPackages");
    assertThat(plan.whileEmpty())
        .containsExactlyInAnyOrder("vmSize", "imageReference", "nodeAgentSkuId", "upgradePolicy");
    PoolInfo patched = pools.patch(pool, plan.patch());
    assertThat(patched.hasVmSize("standard_d8s_v5")).isTrue();
    assertThat(patched.settings().startTask()).isNull();
    azure.advance(Duration.ofMinutes(10));
    PoolInfo grown = pools.get(pool).orElseThrow();
    assertThat(grown.currentDedicatedNodes()).isEqualTo(2);
    assertThat(PoolChanges.between(after, grown).inSync()).isTrue();
  }

  @Test
  void everyOtherSettingChangesByPatchWhileThePoolHasNoNodes() {
    PoolSettings before = production(new FixedScaleSettings(0, 0, Duration.ofMinutes(15), null));
    pools.create(new PoolDefinition(pool, before));
    // Azure Batch docs, "Update Batch pool properties" (2024-07-01 and later): every updatable
    // property other than scale, start task, metadata and application packages changes while the
    // pool has zero nodes.
    PoolSettings after =
        new PoolSettings(
            "Render farm (renamed)",
            before.vmSize(),
            before.virtualMachineConfiguration(),
            before.scale(),
            before.startTask(),
            2,
            before.metadata(),
            before.networkConfiguration(),
            before.userAssignedIdentities(),
            "Disabled",
            new TaskSchedulingPolicy("Spread", "None"),
            before.mountConfiguration().subList(0, 1),
            before.applicationPackages(),
            List.of(),
            before.upgradePolicy(),
            before.tags());

    PoolChanges.Plan plan = PoolChanges.between(after, pools.get(pool).orElseThrow());
    assertThat(plan.whileEmpty())
        .containsExactlyInAnyOrder(
            "displayName",
            "taskSlotsPerNode",
            "interNodeCommunication",
            "taskSchedulingPolicy",
            "mountConfiguration",
            "userAccounts");
    pools.patch(pool, plan.patch());

    assertThat(PoolChanges.between(after, pools.get(pool).orElseThrow()).inSync()).isTrue();
  }

  @Test
  void aVmSizeChangeOfAPoolWithNodesIsRefusedNamingTheProperty() {
    pools.create(
        new PoolDefinition(
            pool, production(new FixedScaleSettings(2, 0, Duration.ofMinutes(15), null))));
    azure.advance(Duration.ofMinutes(10));

    // Since 2024-07-01 vmSize changes in place only while the pool has no nodes.
    assertThatThrownBy(
            () ->
                pools.patch(
                    pool,
                    new PoolService.PoolPatch(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Standard_D8s_v5",
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            AzureException.InvalidRequest.class,
            invalid -> {
              assertThat(invalid.target()).contains("vmSize");
              assertThat(invalid.getMessage()).doesNotContain("Standard_D8s_v5");
            });
  }

  /** A production pool: subnet, identity, ephemeral OS disk, trusted launch, mounts, containers. */
  static PoolSettings production(PoolService.ScaleSettings scale) {
    VirtualMachineConfiguration vm =
        new VirtualMachineConfiguration(
            ImageReference.marketplace(
                "Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest"),
            "batch.node.ubuntu 22.04",
            List.of(new DataDisk(0, "ReadOnly", 256, new ManagedDisk("Premium_LRS"))),
            new ContainerConfiguration(
                "DockerCompatible",
                List.of("render.azurecr.io/blender:4.2"),
                List.of(
                    new ContainerRegistry(null, null, "render.azurecr.io", NODE_IDENTITY),
                    new ContainerRegistry(
                        "puller", "registry-password", "docker.example.com", null))),
            new DiskEncryptionConfiguration(List.of("TemporaryDisk")),
            new NodePlacementConfiguration("Zonal"),
            List.of(
                new VMExtension(
                    "monitor",
                    "Microsoft.Azure.Monitor",
                    "AzureMonitorLinuxAgent",
                    "1.0",
                    true,
                    true,
                    Map.of("workspace", "render"),
                    Map.of("key", "workspace-key"),
                    List.of())),
            new OSDisk(
                new DiffDiskSettings("CacheDisk"),
                "ReadOnly",
                new ManagedDisk("Standard_LRS"),
                64,
                false),
            new SecurityProfile("trustedLaunch", true, new UefiSettings(true, true)),
            null,
            null);
    NetworkConfiguration network =
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
            new PublicIPAddressConfiguration("BatchManaged", List.of(), List.of("IPv4")),
            true);
    return new PoolSettings(
        "Render farm (production)",
        "Standard_D4s_v5",
        vm,
        scale,
        new StartTaskSettings(
            "/bin/bash -c 'setup.sh'",
            List.of(
                new ResourceFile(
                    null,
                    null,
                    "https://render.blob.core.windows.net/setup/setup.sh",
                    null,
                    "setup.sh",
                    "0755",
                    NODE_IDENTITY)),
            Map.of("STAGE", "production"),
            new UserIdentity(null, new AutoUserSpecification("Pool", "Admin")),
            2,
            true,
            new TaskContainerSettings(
                "--rm",
                "docker.example.com/setup:1",
                new ContainerRegistry(
                    "puller", "start-task-registry-password", "docker.example.com", null),
                "TaskWorkingDirectory")),
        4,
        Map.of("team", "render"),
        network,
        List.of(IDENTITY),
        "Enabled",
        new TaskSchedulingPolicy("Pack", "CreationTime"),
        List.of(
            new MountConfiguration(
                new AzureBlobFileSystemConfiguration(
                    "renderassets",
                    "scenes",
                    null,
                    null,
                    "-o allow_other",
                    "scenes",
                    NODE_IDENTITY),
                null,
                null,
                null),
            new MountConfiguration(
                null,
                null,
                null,
                new AzureFileShareConfiguration(
                    "renderassets",
                    "https://renderassets.file.core.windows.net/textures",
                    "files-key",
                    "textures",
                    "-o vers=3.0")),
            new MountConfiguration(
                null,
                new NFSMountConfiguration("10.0.0.4:/exports/cache", "cache", "-o vers=4.1"),
                null,
                null),
            new MountConfiguration(
                null,
                null,
                new CIFSMountConfiguration(
                    "renderer", "//10.0.0.5/out", "out", "-o vers=3.0", "cifs-password"),
                null)),
        List.of(
            new ApplicationPackageReference(ACCOUNT.resourceId() + "/applications/blender", "4.2")),
        List.of(
            new UserAccount(
                "render",
                "user-password",
                "NonAdmin",
                new LinuxUserConfiguration(1500, 1500, "ssh-private-key"),
                null)),
        new UpgradePolicy(
            "rolling",
            new AutomaticOSUpgradePolicy(false, true, true, true),
            new RollingUpgradePolicy(true, 20, 20, 20, "PT5M", true, false)),
        Map.of("owner", "poolkeeper"));
  }
}
