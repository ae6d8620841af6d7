package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.emulator.arm.ApiVersions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every stable api-version azure-rest-api-specs publishes for a type is accepted, as Azure accepts
 * them all; anything else is refused with ARM's errors (NoRegisteredProviderFound as in
 * Azure/azure-cli issue 28496, InvalidApiVersionParameter as in Azure/azure-cli issue 28038).
 */
class ApiVersionsTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void everyPublishedStableVersionOfEveryTypeIsAccepted() {
    Map<String, List<String>> listsAndVersions =
        Map.of(
            RG_PATH + IMAGES_RG,
            ApiVersions.RESOURCE_GROUPS,
            RG_PATH + IMAGES_RG + "/providers/Microsoft.Authorization/locks",
            ApiVersions.LOCKS,
            COMPUTE + "/images",
            ApiVersions.IMAGES,
            COMPUTE + "/snapshots",
            ApiVersions.DISKS,
            COMPUTE + "/disks",
            ApiVersions.DISKS,
            COMPUTE + "/virtualMachines",
            ApiVersions.VIRTUAL_MACHINES,
            COMPUTE + "/galleries",
            ApiVersions.GALLERIES,
            ACCOUNT + "/pools",
            ApiVersions.BATCH,
            ACCOUNT,
            ApiVersions.BATCH);
    listsAndVersions.forEach(
        (path, versions) -> {
          for (String version : versions) {
            EmulatorClient.Reply reply = client.get(path + "?api-version=" + version);
            assertThat(reply.status())
                .as("%s at %s: %s", path, version, reply.body())
                .isEqualTo(200);
          }
        });
  }

  @Test
  void theNewestVersionsOfCurrentSdksAreAmongThem() {
    assertThat(ApiVersions.IMAGES).contains("2025-11-01");
    assertThat(ApiVersions.DISKS).contains("2025-01-02");
    assertThat(ApiVersions.GALLERIES).contains("2025-03-03");
    assertThat(ApiVersions.BATCH).contains("2024-07-01", "2025-06-01", "2026-08-01");
    assertThat(ApiVersions.RESOURCE_GROUPS).contains("2025-04-01");
    assertThat(ApiVersions.LOCKS).contains("2020-05-01");
  }

  @Test
  void aPreviewVersionIsRefused() {
    EmulatorClient.Reply refused = client.get(COMPUTE + "/images?api-version=2016-04-30-preview");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("NoRegisteredProviderFound");
  }

  @Test
  void aResourceGroupsUnknownVersionListsTheSupportedOnesNewestFirst() {
    EmulatorClient.Reply refused = client.get(RG_PATH + IMAGES_RG + "?api-version=2023-02-01");
    List<String> newestFirst = new ArrayList<>(ApiVersions.RESOURCE_GROUPS);
    Collections.reverse(newestFirst);

    assertThat(refused.errorCode()).isEqualTo("InvalidApiVersionParameter");
    assertThat(refused.errorMessage())
        .isEqualTo(
            "The api-version '2023-02-01' is invalid. The supported versions are '"
                + String.join(",", newestFirst)
                + "'.");
  }

  @Test
  void operationUrlsTakeTheProvidersVersionsOnly() {
    String operation =
        client.put(IMAGE + IMAGES_API, imageFromSnapshots()).header("Azure-AsyncOperation");

    assertThat(client.getUrl(operation.replace(ApiVersions.IMAGES_SDK, "2025-03-03")).status())
        .as("a Gallery RP version polls a Compute operation")
        .isEqualTo(200);
    EmulatorClient.Reply refused =
        client.getUrl(operation.replace(ApiVersions.IMAGES_SDK, "2099-01-01"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("NoRegisteredProviderFound");
    assertThat(refused.errorMessage()).contains("for type 'locations/operations'");

    String groupDeletion = client.delete(RG_PATH + BATCH_RG + RG_API).header("Location");
    EmulatorClient.Reply groupRefused =
        client.getUrl(groupDeletion.replace(ApiVersions.RESOURCES_SDK, "2099-01-01"));
    assertThat(groupRefused.errorCode()).isEqualTo("InvalidApiVersionParameter");
  }

  @Test
  void poolDeletionUrlsTakeBatchVersions() {
    client.put(POOL + BATCH_API, pool("Standard_D4s_v5", null, 0, null));
    String location = client.delete(POOL + BATCH_API).header("Location");

    assertThat(client.getUrl(location.replace(ApiVersions.BATCH_SDK, "2026-08-01")).status())
        .isEqualTo(202);
    assertThat(client.getUrl(location.replace(ApiVersions.BATCH_SDK, "2099-01-01")).errorCode())
        .isEqualTo("NoRegisteredProviderFound");
  }
}
