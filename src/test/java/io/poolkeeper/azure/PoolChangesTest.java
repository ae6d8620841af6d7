package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.ApplicationPackageReference;
import io.poolkeeper.azure.batch.PoolModel.AzureFileShareConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ContainerRegistry;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.azure.batch.PoolModel.MountConfiguration;
import io.poolkeeper.azure.batch.PoolModel.NetworkConfiguration;
import io.poolkeeper.azure.batch.PoolModel.OSDisk;
import io.poolkeeper.azure.batch.PoolModel.SecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.TaskContainerSettings;
import io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy;
import io.poolkeeper.azure.batch.PoolModel.UefiSettings;
import io.poolkeeper.azure.batch.PoolModel.UpgradePolicy;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Azure changes in place at 2026-08-01 (Pool_Update in Microsoft.Batch/Batch/stable/
 * 2026-08-01/openapi.json and its PoolUpdate examples) and what needs a new pool.
 */
class PoolChangesTest {

  private static final String IMAGE =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d/versions/1.0.0";
  private static final String IDENTITY =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/nodes";

  private final PoolSettings current = settings(builder());

  @Test
  void thePoolAsAzureReportsItIsInSync() {
    // Batch's casing of vmSize, defaults it fills in, the unknown nodeDeallocationOption.
    PoolInfo reported =
        info(
            settings(
                builder()
                    .vmSize("STANDARD_D4S_V5")
                    .scale(new FixedScaleSettings(2, 0, Duration.ofMinutes(15), null))
                    .interNodeCommunication("Disabled")
                    .taskSchedulingPolicy(new TaskSchedulingPolicy("Spread", null))
                    .taskSlotsPerNode(1)),
            0);
    PoolSettings wanted =
        settings(builder().scale(new FixedScaleSettings(2, 0, null, "TaskCompletion")));

    assertThat(PoolChanges.between(wanted, reported).inSync()).isTrue();
  }

  @Test
  void scaleStartTaskMetadataPackagesAndTagsChangeInPlaceTheUpgradePolicyOnlyWhileEmpty() {
    PoolSettings wanted =
        settings(
            builder()
                .scale(new AutoScaleSettings("$TargetDedicatedNodes = 4;", null))
                .startTask(null)
                .metadata(Map.of("stage", "v2"))
                .applicationPackages(List.of(new ApplicationPackageReference("app", "2.0")))
                .upgradePolicy(new UpgradePolicy("manual", null, null))
                .tags(Map.of("owner", "someone")));

    PoolChanges.Plan plan = PoolChanges.between(wanted, info(current, 5));

    assertThat(plan.inPlace())
        .containsExactlyInAnyOrder(
            "scaleSettings", "startTask", "metadata", "applicationPackages", "tags");
    // Azure Batch docs, "Update Batch pool properties": with nodes, only scale, start task,
    // metadata and application packages change.
    assertThat(plan.whileEmpty()).containsExactly("upgradePolicy");
    assertThat(plan.patch().upgradePolicy()).isNull();
    // PoolUpdate_RemoveStartTask: an empty start task object removes it.
    assertThat(plan.patch().startTask()).isEqualTo(StartTaskSettings.NONE);
    assertThat(plan.patch().metadata()).isEqualTo(Map.of("stage", "v2"));
    assertThat(plan.patch().ifMatch()).isEqualTo("W/\"etag\"");
    assertThat(plan.patch().vmSize()).isNull();
  }

  @Test
  void vmSizeImageAndIdentitiesChangeInPlaceOnlyWhileThePoolHasNoNodes() {
    PoolSettings wanted =
        settings(
            builder()
                .vmSize("Standard_D8s_v5")
                .virtualMachineConfiguration(
                    VirtualMachineConfiguration.of(
                        ImageReference.ofId(IMAGE.replace("1.0.0", "2.0.0")),
                        "batch.node.ubuntu 22.04"))
                .userAssignedIdentities(List.of(IDENTITY)));

    PoolChanges.Plan withNodes = PoolChanges.between(wanted, info(current, 3));
    PoolChanges.Plan empty = PoolChanges.between(wanted, info(current, 0));

    assertThat(withNodes.whileEmpty())
        .containsExactlyInAnyOrder("vmSize", "imageReference", "identity");
    assertThat(withNodes.patch().isEmpty()).isTrue();
    assertThat(empty.patch().vmSize()).isEqualTo("Standard_D8s_v5");
    assertThat(empty.patch().virtualMachineConfiguration())
        .isEqualTo(wanted.virtualMachineConfiguration());
    assertThat(empty.patch().userAssignedIdentities()).containsExactly(IDENTITY);
  }

  @Test
  void everythingElseChangesOnlyWhileThePoolHasNoNodesAndThePatchCarriesItWithItsSecrets() {
    PoolSettings wanted =
        settings(
            builder()
                .displayName("renamed")
                .taskSlotsPerNode(4)
                .interNodeCommunication("Enabled")
                .taskSchedulingPolicy(new TaskSchedulingPolicy("Pack", null))
                .networkConfiguration(
                    new NetworkConfiguration(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/n",
                        null,
                        null,
                        null,
                        null))
                .mountConfiguration(List.of(fileShare("key")))
                .virtualMachineConfiguration(
                    new VirtualMachineConfiguration(
                        ImageReference.ofId(IMAGE),
                        "batch.node.ubuntu 22.04",
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        new OSDisk(null, "ReadOnly", null, null, null),
                        new SecurityProfile("trustedLaunch", null, new UefiSettings(true, true)),
                        null,
                        null)));

    // Azure Batch docs, "Update Batch pool properties": "For all other updatable pool properties,
    // the pool must be at zero nodes".
    PoolChanges.Plan withNodes = PoolChanges.between(wanted, info(current, 3));
    PoolChanges.Plan plan = PoolChanges.between(wanted, info(current, 0));

    assertThat(withNodes.patch().isEmpty()).isTrue();
    assertThat(plan.whileEmpty())
        .containsExactlyInAnyOrder(
            "displayName",
            "taskSlotsPerNode",
            "interNodeCommunication",
            "taskSchedulingPolicy",
            "networkConfiguration",
            "mountConfiguration",
            "osDisk",
            "securityProfile");
    assertThat(plan.patch().emptyPoolProperties())
        .containsEntry("displayName", "renamed")
        .containsEntry("taskSlotsPerNode", 4)
        .containsEntry("interNodeCommunication", "Enabled")
        .containsEntry("taskSchedulingPolicy", new TaskSchedulingPolicy("Pack", null))
        .containsEntry("mountConfiguration", List.of(fileShare("key")))
        .containsKey("networkConfiguration");
    assertThat(plan.patch().virtualMachineConfiguration())
        .isEqualTo(wanted.virtualMachineConfiguration());
  }

  @Test
  void aChangedSecretAzureCannotShowIsSentAsADifference() {
    PoolSettings wanted = settings(builder().mountConfiguration(List.of(fileShare("new-key"))));
    PoolSettings applied = settings(builder().mountConfiguration(List.of(fileShare("old-key"))));

    PoolChanges.Plan unseen =
        PoolChanges.between(wanted, info(applied, 0), Set.of("mountConfiguration", "startTask"));

    assertThat(PoolChanges.between(wanted, info(applied, 0)).inSync()).isTrue();
    assertThat(unseen.whileEmpty()).containsExactly("mountConfiguration");
    assertThat(unseen.inPlace()).contains("startTask");
    assertThat(unseen.patch().emptyPoolProperties())
        .containsEntry("mountConfiguration", List.of(fileShare("new-key")));
  }

  @Test
  void secretsAreNotComparedSinceAzureNeverReportsThem() {
    PoolSettings withMount = settings(builder().mountConfiguration(List.of(fileShare(null))));

    PoolChanges.Plan plan =
        PoolChanges.between(
            settings(builder().mountConfiguration(List.of(fileShare("account-key")))),
            info(withMount, 2));

    assertThat(plan.inSync()).isTrue();
  }

  @Test
  void theStartTaskRegistryPasswordIsNotComparedSinceAzureNeverReportsIt() {
    // TaskContainerSettings.registry.password is x-ms-secret in the 2026-08-01 schema.
    PoolChanges.Plan plan =
        PoolChanges.between(
            settings(builder().startTask(inContainer("registry-password"))),
            info(settings(builder().startTask(inContainer(null))), 2));

    assertThat(plan.inSync()).isTrue();
    assertThat(inContainer("registry-password").toString()).doesNotContain("registry-password");
  }

  @Test
  void secretsNeverShowInToString() {
    PoolSettings withMount =
        settings(builder().mountConfiguration(List.of(fileShare("account-key-value"))));

    assertThat(withMount.toString()).doesNotContain("account-key-value").contains("accountKey=***");
  }

  private static MountConfiguration fileShare(String key) {
    return new MountConfiguration(
        null,
        null,
        null,
        new AzureFileShareConfiguration(
            "acct", "https://acct.file.core.windows.net/share", key, "share", null));
  }

  private static StartTaskSettings inContainer(String registryPassword) {
    return new StartTaskSettings(
        "/bin/true",
        List.of(),
        Map.of(),
        null,
        0,
        true,
        new TaskContainerSettings(
            null,
            "docker.example.com/setup:1",
            new ContainerRegistry("puller", registryPassword, "docker.example.com", null),
            null));
  }

  private static PoolInfo info(PoolSettings settings, int nodes) {
    return new PoolInfo(
        "/pools/p", "p", "W/\"etag\"", "Succeeded", "Steady", nodes, 0, null, List.of(), settings);
  }

  private static Builder builder() {
    return new Builder();
  }

  private static PoolSettings settings(Builder b) {
    return new PoolSettings(
        b.displayName,
        b.vmSize,
        b.virtualMachineConfiguration,
        b.scale,
        b.startTask,
        b.taskSlotsPerNode,
        b.metadata,
        b.networkConfiguration,
        b.userAssignedIdentities,
        b.interNodeCommunication,
        b.taskSchedulingPolicy,
        b.mountConfiguration,
        b.applicationPackages,
        List.of(),
        b.upgradePolicy,
        b.tags);
  }

  /** The settings under test, one change at a time from a small pool. */
  private static final class Builder {
    String displayName;
    String vmSize = "Standard_D4s_v5";
    VirtualMachineConfiguration virtualMachineConfiguration =
        VirtualMachineConfiguration.of(ImageReference.ofId(IMAGE), "batch.node.ubuntu 22.04");
    PoolService.ScaleSettings scale = new FixedScaleSettings(2, 0, Duration.ofMinutes(15), null);
    StartTaskSettings startTask =
        StartTaskSettings.asAutoUser("/bin/true", true, 0, Map.of(), "NonAdmin");
    Integer taskSlotsPerNode;
    Map<String, String> metadata = Map.of("stage", "v1");
    NetworkConfiguration networkConfiguration;
    List<String> userAssignedIdentities = List.of();
    String interNodeCommunication;
    TaskSchedulingPolicy taskSchedulingPolicy;
    List<MountConfiguration> mountConfiguration = List.of();
    List<ApplicationPackageReference> applicationPackages = List.of();
    UpgradePolicy upgradePolicy;
    Map<String, String> tags = Map.of("owner", "poolkeeper");

    Builder displayName(String value) {
      displayName = value;
      return this;
    }

    Builder vmSize(String value) {
      vmSize = value;
      return this;
    }

    Builder virtualMachineConfiguration(VirtualMachineConfiguration value) {
      virtualMachineConfiguration = value;
      return this;
    }

    Builder scale(PoolService.ScaleSettings value) {
      scale = value;
      return this;
    }

    Builder startTask(StartTaskSettings value) {
      startTask = value;
      return this;
    }

    Builder taskSlotsPerNode(Integer value) {
      taskSlotsPerNode = value;
      return this;
    }

    Builder metadata(Map<String, String> value) {
      metadata = value;
      return this;
    }

    Builder networkConfiguration(NetworkConfiguration value) {
      networkConfiguration = value;
      return this;
    }

    Builder userAssignedIdentities(List<String> value) {
      userAssignedIdentities = value;
      return this;
    }

    Builder interNodeCommunication(String value) {
      interNodeCommunication = value;
      return this;
    }

    Builder taskSchedulingPolicy(TaskSchedulingPolicy value) {
      taskSchedulingPolicy = value;
      return this;
    }

    Builder mountConfiguration(List<MountConfiguration> value) {
      mountConfiguration = value;
      return this;
    }

    Builder applicationPackages(List<ApplicationPackageReference> value) {
      applicationPackages = value;
      return this;
    }

    Builder upgradePolicy(UpgradePolicy value) {
      upgradePolicy = value;
      return this;
    }

    Builder tags(Map<String, String> value) {
      tags = value;
      return this;
    }
  }
}
