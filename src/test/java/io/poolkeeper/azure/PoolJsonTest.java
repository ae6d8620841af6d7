package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.ApplicationPackageReference;
import io.poolkeeper.azure.batch.PoolModel.AutoUserSpecification;
import io.poolkeeper.azure.batch.PoolModel.DataDisk;
import io.poolkeeper.azure.batch.PoolModel.DiffDiskSettings;
import io.poolkeeper.azure.batch.PoolModel.DiskEncryptionConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.azure.batch.PoolModel.InboundNatPool;
import io.poolkeeper.azure.batch.PoolModel.LinuxUserConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ManagedDisk;
import io.poolkeeper.azure.batch.PoolModel.NetworkConfiguration;
import io.poolkeeper.azure.batch.PoolModel.NetworkSecurityGroupRule;
import io.poolkeeper.azure.batch.PoolModel.NodePlacementConfiguration;
import io.poolkeeper.azure.batch.PoolModel.OSDisk;
import io.poolkeeper.azure.batch.PoolModel.PoolEndpointConfiguration;
import io.poolkeeper.azure.batch.PoolModel.ResourceFile;
import io.poolkeeper.azure.batch.PoolModel.SecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy;
import io.poolkeeper.azure.batch.PoolModel.UefiSettings;
import io.poolkeeper.azure.batch.PoolModel.UserAccount;
import io.poolkeeper.azure.batch.PoolModel.UserIdentity;
import io.poolkeeper.azure.batch.PoolModel.VMDiskSecurityProfile;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import io.poolkeeper.azure.batch.PoolModel.WindowsConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pool on the wire at 2026-08-01, against Microsoft's examples in
 * ../shared/azure-reference/batch/2026-08-01/ (Pool_Create request bodies, Pool_Get and
 * Pool_ListByBatchAccount response bodies).
 */
class PoolJsonTest {

  private static final String SUBSCRIPTION = "12345678-1234-1234-1234-123456789012";

  @Test
  void theCreateBodyOfACustomImagePoolIsTheExamplesRequest() {
    PoolSettings settings =
        PoolSettings.basic(
            "STANDARD_D4",
            VirtualMachineConfiguration.of(
                ImageReference.ofId(
                    "/subscriptions/"
                        + SUBSCRIPTION
                        + "/resourceGroups/networking-group/providers/Microsoft.Compute/galleries/testgallery/images/testimagedef/versions/0.0.1"),
                "batch.node.ubuntu 18.04"),
            null,
            null,
            null,
            Map.of());

    assertThat(PoolJson.createBody(settings))
        .isEqualTo(example("PoolCreate_SharedImageGallery.json").at("/parameters/parameters"));
  }

  @Test
  void theCreateBodyOfAFullVirtualMachinePoolIsTheExamplesRequest() {
    VirtualMachineConfiguration vm =
        new VirtualMachineConfiguration(
            ImageReference.marketplace(
                "MicrosoftWindowsServer", "WindowsServer", "2016-Datacenter-SmallDisk", "latest"),
            "batch.node.windows amd64",
            List.of(
                new DataDisk(0, "ReadWrite", 30, new ManagedDisk("StandardSSD_LRS")),
                new DataDisk(1, "None", 200, new ManagedDisk("Premium_LRS"))),
            null,
            new DiskEncryptionConfiguration(List.of("OsDisk", "TemporaryDisk")),
            new NodePlacementConfiguration("Zonal"),
            List.of(),
            new OSDisk(new DiffDiskSettings("CacheDisk"), null, null, null, null),
            null,
            "Windows_Server",
            new WindowsConfiguration(false));
    NetworkConfiguration network =
        new NetworkConfiguration(
            null,
            null,
            new PoolEndpointConfiguration(
                List.of(
                    new InboundNatPool(
                        "testnat",
                        "TCP",
                        12001,
                        15000,
                        15100,
                        List.of(
                            new NetworkSecurityGroupRule(
                                150, "Allow", "192.100.12.45", List.of("1", "2")),
                            new NetworkSecurityGroupRule(3500, "Deny", "*", List.of("*")))))),
            null,
            null);
    PoolSettings settings =
        new PoolSettings(
            null,
            "STANDARD_D4",
            vm,
            new AutoScaleSettings("$TargetDedicatedNodes=1", Duration.ofMinutes(5)),
            null,
            null,
            Map.of(),
            network,
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            Map.of());

    assertThat(PoolJson.createBody(settings))
        .isEqualTo(
            example("PoolCreate_VirtualMachineConfiguration.json").at("/parameters/parameters"));
  }

  @Test
  void aPoolGetAnswerReadsIntoPoolInfo() throws IOException {
    JsonNode response = example("PoolGet.json").at("/responses/200");

    PoolInfo info =
        PoolJson.info(
            PoolJson.JSON.treeToValue(response.get("body"), PoolJson.Pool.class),
            response.at("/headers/ETag").asText());

    PoolSettings settings = info.settings();
    assertThat(info.name()).isEqualTo("testpool");
    assertThat(info.etag()).isEqualTo("W/\"0x8D4EDFEBFADF4AB\"");
    assertThat(info.allocationState()).isEqualTo("Resizing");
    assertThat(info.resizeStartTime())
        .isEqualTo(OffsetDateTime.parse("2017-08-28T10:22:55.9407275Z"));
    assertThat(info.hasVmSize("Standard_D4")).isTrue();
    assertThat(settings.virtualMachineConfiguration().imageReference())
        .isEqualTo(
            ImageReference.marketplace(
                "MicrosoftWindowsServer", "WindowsServer", "2016-Datacenter-SmallDisk", "latest"));
    assertThat(settings.interNodeCommunication()).isEqualTo("Enabled");
    assertThat(settings.metadata())
        .containsExactly(Map.entry("metadata-1", "value-1"), Map.entry("metadata-2", "value-2"));
    assertThat(settings.applicationPackages())
        .containsExactly(
            new ApplicationPackageReference(
                "/subscriptions/"
                    + SUBSCRIPTION
                    + "/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Batch/batchAccounts/sampleacct/pools/testpool/applications/app_1234",
                "asdf"));
    assertThat(settings.networkConfiguration().subnetId()).endsWith("/subnets/subnet123");
    assertThat(
            settings
                .networkConfiguration()
                .endpointConfiguration()
                .inboundNatPools()
                .get(0)
                .networkSecurityGroupRules())
        .containsExactly(
            new NetworkSecurityGroupRule(150, "Allow", "192.100.12.45", List.of("123", "22")),
            new NetworkSecurityGroupRule(3500, "Deny", "*", List.of("*")));
    // The answer carries the resize's nodeDeallocationOption, not the pool's: unknown.
    assertThat(settings.scale())
        .isEqualTo(new FixedScaleSettings(6, 28, Duration.ofMinutes(8), null));
    assertThat(settings.startTask())
        .isEqualTo(
            new StartTaskSettings(
                "cmd /c SET",
                List.of(
                    new ResourceFile(
                        null,
                        null,
                        "https://testaccount.blob.core.windows.net/example-blob-file",
                        null,
                        "c:\\temp\\gohere",
                        "777",
                        null)),
                Map.of("MYSET", "1234"),
                new UserIdentity(null, new AutoUserSpecification("Pool", "Admin")),
                6,
                true,
                null));
    assertThat(settings.taskSchedulingPolicy()).isEqualTo(new TaskSchedulingPolicy("Pack", null));
    assertThat(settings.taskSlotsPerNode()).isEqualTo(13);
    assertThat(settings.userAccounts())
        .containsExactly(
            new UserAccount(
                "username1", null, "Admin", new LinuxUserConfiguration(1234, 4567, null), null));
  }

  @Test
  void aPoolListAnswerReadsIntoPoolInfosWithTheirResizeErrors() throws IOException {
    PoolJson.ListPoolsResult page =
        PoolJson.JSON.treeToValue(
            example("PoolList.json").at("/responses/200/body"), PoolJson.ListPoolsResult.class);

    List<PoolInfo> pools = page.value().stream().map(pool -> PoolJson.info(pool, null)).toList();

    assertThat(pools).hasSize(1);
    assertThat(pools.get(0).allocationState()).isEqualTo("Steady");
    assertThat(pools.get(0).resizeErrors())
        .extracting(PoolService.PoolResizeError::code)
        .containsExactly("AllocationTimedout");
    assertThat(page.nextLink()).isNull();
  }

  @Test
  void aPatchSendsOnlyWhatItNamesAndEmptyMetadataClearsIt() {
    JsonNode body =
        PoolJson.patchBody(
            new PoolPatch(
                new FixedScaleSettings(3, 0, Duration.ofMinutes(10), "TaskCompletion"),
                StartTaskSettings.NONE,
                Map.of()));

    // PoolUpdate_ResizePool (fixedScale with its deallocation option), PoolUpdate_RemoveStartTask
    // (an empty startTask object) and an empty metadata list.
    assertThat(body.toString())
        .isEqualTo(
            "{\"properties\":{\"scaleSettings\":{\"fixedScale\":{\"resizeTimeout\":\"PT10M\","
                + "\"targetDedicatedNodes\":3,\"targetLowPriorityNodes\":0,"
                + "\"nodeDeallocationOption\":\"TaskCompletion\"}},\"startTask\":{},"
                + "\"metadata\":[]}}");
  }

  @Test
  void identitiesAndTagsSitBesideTheProperties() {
    String identity =
        "/subscriptions/"
            + SUBSCRIPTION
            + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";
    PoolSettings settings =
        new PoolSettings(
            null,
            "Standard_D4s_v5",
            null,
            null,
            null,
            null,
            Map.of(),
            null,
            List.of(identity),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            Map.of("owner", "poolkeeper"));

    JsonNode body = PoolJson.createBody(settings);

    // BatchPoolIdentity and the pool's tags (2026-08-01 openapi.json, definition Pool).
    assertThat(body.at("/identity/type").asText()).isEqualTo("UserAssigned");
    assertThat(body.at("/identity/userAssignedIdentities").has(identity)).isTrue();
    assertThat(body.at("/tags/owner").asText()).isEqualTo("poolkeeper");
  }

  @Test
  void theOsDiskOfAConfidentialVmCarriesItsEncryptionType() {
    VirtualMachineConfiguration vm =
        new VirtualMachineConfiguration(
            ImageReference.ofId(
                "/subscriptions/"
                    + SUBSCRIPTION
                    + "/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/cvm"),
            "batch.node.ubuntu 22.04",
            List.of(),
            null,
            null,
            null,
            List.of(),
            new OSDisk(
                null,
                null,
                new ManagedDisk("Premium_LRS", new VMDiskSecurityProfile("VMGuestStateOnly")),
                null,
                null),
            new SecurityProfile("confidentialVM", null, new UefiSettings(true, true)),
            null,
            null);

    JsonNode body =
        PoolJson.createBody(
            PoolSettings.basic(
                "Standard_DC4as_v5",
                vm,
                new FixedScaleSettings(0, 0, null, null),
                null,
                null,
                Map.of()));

    // ManagedDisk.securityProfile (VMDiskSecurityProfile) of the 2026-08-01 schema: required for
    // confidential VMs.
    assertThat(
            body.at(
                    "/properties/deploymentConfiguration/virtualMachineConfiguration/osDisk"
                        + "/managedDisk/securityProfile/securityEncryptionType")
                .asText())
        .isEqualTo("VMGuestStateOnly");
  }

  static JsonNode example(String name) {
    try {
      return PoolJson.JSON.readTree(reference().resolve(name).toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path reference() {
    return Path.of(System.getProperty("basedir", "."))
        .resolve("../shared/azure-reference/batch/2026-08-01")
        .normalize();
  }
}
