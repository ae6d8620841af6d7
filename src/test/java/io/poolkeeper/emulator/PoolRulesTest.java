package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules Batch applies to a pool's security, network, identity and in-place changes at
 * api-version 2026-08-01, and the shape of that version's pool.
 */
class PoolRulesTest {

  private static final String API = "?api-version=2026-08-01";
  private static final String IDENTITY =
      RG_PATH + BATCH_RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/render-id";
  private static final String SUBNET =
      RG_PATH + "rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/batch";

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  // Trusted launch: azure-rest-api-specs Batch 2026-08-01 SecurityProfile (securityType
  // trustedLaunch / confidentialVM) and the Compute gallery API's GalleryImageFeature SecurityType;
  // Azure docs "Trusted launch for Azure virtual machines" (Gen2 images and sizes only).

  @Test
  void aTrustedLaunchImageIsRefusedWithoutASecurityProfile() {
    galleryImage("V2", "TrustedLaunch");

    EmulatorClient.Reply refused =
        client.put(POOL + API, pool("Standard_D4s_v5", VERSION, 0, null));

    assertInvalidProperty(refused, "securityProfile");
    assertThat(reason(refused)).contains("TrustedLaunch").contains("securityType to trustedLaunch");
  }

  @Test
  void aTrustedLaunchImageRunsWithTrustedLaunchOnAGen2Size() {
    galleryImage("V2", "TrustedLaunch");

    EmulatorClient.Reply created =
        client.put(POOL + API, secured(pool("Standard_D4s_v5", VERSION, 0, null), "trustedLaunch"));

    assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
    assertThat(vm(created).path("securityProfile").path("securityType").asText())
        .isEqualTo("trustedLaunch");
  }

  @Test
  void trustedLaunchOnAGeneration1OnlySizeIsRefused() {
    galleryImage("V2", "TrustedLaunch");

    for (String size : new String[] {"Standard_A2_v2", "Basic_A1", "Standard_A4"}) {
      EmulatorClient.Reply refused =
          client.put(POOL + API, secured(pool(size, VERSION, 0, null), "trustedLaunch"));

      assertInvalidProperty(refused, "vmSize");
    }
  }

  @Test
  void trustedLaunchOnAGeneration1OrStandardImageIsRefused() {
    galleryImage("V1", null);
    EmulatorClient.Reply gen1 =
        client.put(POOL + API, secured(pool("Standard_D4s_v5", VERSION, 0, null), "trustedLaunch"));
    assertInvalidProperty(gen1, "securityProfile");
    assertThat(reason(gen1)).contains("Generation 1 image");

    azure.admin().reset();
    TestWorld.seed(azure.admin());
    galleryImage("V2", null);
    EmulatorClient.Reply standard =
        client.put(POOL + API, secured(pool("Standard_D4s_v5", VERSION, 0, null), "trustedLaunch"));
    assertInvalidProperty(standard, "securityProfile");
    assertThat(reason(standard)).contains("SecurityType Standard");
  }

  @Test
  void confidentialVmIsAcceptedOnlyWhereTheImageAllowsIt() {
    galleryImage("V2", "TrustedLaunchAndConfidentialVmSupported");
    EmulatorClient.Reply confidential =
        client.put(
            POOL + API, secured(pool("Standard_D4s_v5", DEFINITION, 0, null), "confidentialVM"));
    assertThat(confidential.status()).as("%s", confidential.body()).isEqualTo(200);

    azure.admin().reset();
    TestWorld.seed(azure.admin());
    galleryImage("V2", "TrustedLaunch");
    EmulatorClient.Reply refused =
        client.put(
            POOL + API, secured(pool("Standard_D4s_v5", DEFINITION, 0, null), "confidentialVM"));
    assertInvalidProperty(refused, "securityProfile");
  }

  @Test
  void aTrustedLaunchSupportedImageAlsoRunsAsAStandardVm() {
    galleryImage("V2", "TrustedLaunchSupported");

    EmulatorClient.Reply created =
        client.put(POOL + API, pool("Standard_D4s_v5", VERSION, 0, null));

    assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
  }

  // Subnet: the 2026-08-01 NetworkConfiguration.subnetId form and "The virtual network must be in
  // the same region and subscription as the Azure Batch account".

  @Test
  void aSubnetIdMustBeASubnetResourceIdInTheAccountsSubscription() {
    for (String bad :
        new String[] {
          "batch",
          RG_PATH + "rg-net/providers/Microsoft.Network/virtualNetworks/vnet",
          RG_PATH + "rg-net/providers/Microsoft.Compute/virtualNetworks/vnet/subnets/batch",
          "/subscriptions/99999999-2222-3333-4444-555555555555/resourceGroups/rg-net/providers"
              + "/Microsoft.Network/virtualNetworks/vnet/subnets/batch"
        }) {
      EmulatorClient.Reply refused = client.put(POOL + API, inSubnet(bad));

      assertInvalidProperty(refused, "subnetId");
    }
    EmulatorClient.Reply created = client.put(POOL + API, inSubnet(SUBNET));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
    assertThat(properties(client.get(POOL + API)).path("networkConfiguration").path("subnetId"))
        .hasToString("\"" + SUBNET + "\"");
  }

  // Identity: BatchPoolIdentity (type UserAssigned or None) and the example
  // PoolCreate_UserAssignedIdentities (2026-08-01), which answers principalId and clientId.

  @Test
  void userAssignedIdentitiesAreManagedIdentityResourceIdsAnsweredWithTheirIds() {
    EmulatorClient.Reply notAnId =
        client.put(POOL + API, withIdentity("UserAssigned", "render-id"));
    assertInvalidProperty(notAnId, "userAssignedIdentities");
    EmulatorClient.Reply systemAssigned =
        client.put(POOL + API, withIdentity("SystemAssigned", IDENTITY));
    assertInvalidProperty(systemAssigned, "identity.type");

    assertThat(client.put(POOL + API, withIdentity("UserAssigned", IDENTITY)).status())
        .isEqualTo(200);

    JsonNode identity = client.get(POOL + API).body().path("identity");
    assertThat(identity.path("type").asText()).isEqualTo("UserAssigned");
    JsonNode entry = identity.path("userAssignedIdentities").path(IDENTITY);
    assertThat(entry.path("principalId").asText()).matches("[0-9a-f-]{36}");
    assertThat(entry.path("clientId").asText()).matches("[0-9a-f-]{36}");
  }

  @Test
  void identityChangesInPlaceAndNoneRemovesIt() {
    client.put(POOL + API, withIdentity("UserAssigned", IDENTITY));

    EmulatorClient.Reply removed =
        client.patch(POOL + API, json("{\"identity\": {\"type\": \"None\"}}"));

    assertThat(removed.status()).as("%s", removed.body()).isEqualTo(200);
    assertThat(removed.body().path("identity").path("type").asText()).isEqualTo("None");
    assertThat(removed.body().path("identity").has("userAssignedIdentities")).isFalse();
  }

  // In-place changes: PropertyCannotBeUpdated with details Reason, PropertyName, PropertyPath
  // (Azure/Batch issue 85, Azure/azure-sdk-for-net issue 40325); from 2024-07-01 every property
  // other than scale, start task, metadata and application packages changes while the pool has no
  // nodes (Azure Batch docs, "Update Batch pool properties").

  @Test
  void aSubnetChangeIsRefusedWithPropertyCannotBeUpdatedWhileThePoolHasNodes() {
    client.put(POOL + API, pool("Standard_D4s_v5", null, 2, null));
    azure.admin().advanceClock(AGES);
    JsonNode subnet =
        json("{\"properties\": {\"networkConfiguration\": {\"subnetId\": \"" + SUBNET + "\"}}}");

    EmulatorClient.Reply refused = client.patch(POOL + API, subnet);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("PropertyCannotBeUpdated");
    JsonNode error = refused.body().path("error");
    assertThat(error.path("message").asText())
        .startsWith("A property that cannot be updated was specified as part of the request.");
    assertThat(error.path("target").asText()).isEqualTo("BatchAccount");
    JsonNode details = error.path("details");
    assertThat(details.get(0).path("code").asText()).isEqualTo("Reason");
    assertThat(details.get(0).path("message").asText()).contains("no nodes");
    assertThat(details.get(1).path("message").asText()).isEqualTo("networkConfiguration");
    assertThat(details.get(2).path("message").asText())
        .isEqualTo("properties.networkConfiguration");

    client.patch(POOL + API, json("{\"properties\": {\"scaleSettings\": {\"fixedScale\": {}}}}"));
    azure.admin().advanceClock(AGES);
    EmulatorClient.Reply changed = client.patch(POOL + API, subnet);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().at("/properties/networkConfiguration/subnetId").asText())
        .isEqualTo(SUBNET);
  }

  @Test
  void replacingAPoolThatHasNodesWithOtherFixedSettingsIsRefusedToo() {
    client.put(POOL + API, pool("Standard_D4s_v5", null, 2, null));
    azure.admin().advanceClock(AGES);
    ObjectNode replacement = pool("Standard_D4s_v5", null, 2, null);
    ((ObjectNode) replacement.get("properties")).put("taskSlotsPerNode", 4);

    EmulatorClient.Reply refused = client.put(POOL + API, replacement);

    assertThat(refused.errorCode()).isEqualTo("PropertyCannotBeUpdated");
    assertThat(refused.body().path("error").path("details").get(1).path("message").asText())
        .isEqualTo("taskSlotsPerNode");
  }

  @Test
  void inPlaceSettingsChange() {
    client.put(POOL + API, pool("Standard_D4s_v5", null, 2, null));
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply patched =
        client.patch(
            POOL + API,
            json(
                """
                {"properties": {
                  "metadata": [{"name": "team", "value": "render"}],
                  "startTask": {"commandLine": "/bin/true"}}}
                """));

    assertThat(patched.status()).as("%s", patched.body()).isEqualTo(200);
    assertThat(properties(patched).path("startTask").path("commandLine").asText())
        .isEqualTo("/bin/true");
  }

  /** Azure Batch docs, "Update Batch pool properties": other settings only at zero nodes. */
  @Test
  void theUpgradePolicyChangesOnlyWhileThePoolHasNoNodes() {
    client.put(POOL + API, pool("Standard_D4s_v5", null, 2, null));
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply refused =
        client.patch(
            POOL + API, json("{\"properties\": {\"upgradePolicy\": {\"mode\": \"manual\"}}}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("PropertyCannotBeUpdated");
  }

  @Test
  void vmSizeChangesOnlyWhileThePoolHasNoNodes() {
    client.put(POOL + API, pool("Standard_D4s_v5", null, 2, null));
    azure.admin().advanceClock(AGES);
    String bigger = "{\"properties\": {\"vmSize\": \"Standard_D8s_v5\"}}";

    EmulatorClient.Reply refused = client.patch(POOL + API, json(bigger));
    assertThat(refused.errorCode()).isEqualTo("PropertyCannotBeUpdated");
    assertThat(refused.body().path("error").path("details").get(0).path("message").asText())
        .contains("no nodes");

    client.patch(POOL + API, fixedScale(0, 0, null));
    azure.admin().advanceClock(AGES);
    assertThat(client.patch(POOL + API, json(bigger)).status()).isEqualTo(200);
  }

  @Test
  void aNewVmSizeMustStillSuitTheImagesSecurity() {
    galleryImage("V2", "TrustedLaunch");
    client.put(POOL + API, secured(pool("Standard_D4s_v5", VERSION, 0, null), "trustedLaunch"));

    EmulatorClient.Reply refused =
        client.patch(POOL + API, json("{\"properties\": {\"vmSize\": \"Standard_A2_v2\"}}"));

    assertInvalidProperty(refused, "vmSize");
  }

  // Shape at 2026-08-01 (openapi.json PoolProperties): displayName, upgradePolicy and the pool's
  // ARM tags round-trip; resourceTags and the node communication modes are gone since 2025-06-01
  // (models.tsp @removed(Versions.v2025_06_01)), while 2024-07-01 still keeps them.

  @Test
  void the2026PoolShapeRoundTripsAndLeavesOutRetiredProperties() {
    ObjectNode body = pool("Standard_D4s_v5", null, 0, null);
    body.putObject("tags").put("owner", "poolkeeper");
    ObjectNode properties = (ObjectNode) body.get("properties");
    properties.put("displayName", "Render pool");
    properties.putObject("upgradePolicy").put("mode", "automatic");
    properties.putObject("resourceTags").put("owner", "poolkeeper");
    properties.put("targetNodeCommunicationMode", "Simplified");

    assertThat(client.put(POOL + API, body).status()).isEqualTo(200);

    EmulatorClient.Reply read = client.get(POOL + API);
    assertThat(read.body().path("tags").path("owner").asText()).isEqualTo("poolkeeper");
    assertThat(properties(read).path("displayName").asText()).isEqualTo("Render pool");
    assertThat(properties(read).path("upgradePolicy").path("mode").asText()).isEqualTo("automatic");
    assertThat(properties(read).has("resourceTags")).isFalse();
    assertThat(properties(read).has("targetNodeCommunicationMode")).isFalse();
    assertThat(properties(read).path("interNodeCommunication").asText()).isEqualTo("Disabled");
    assertThat(properties(read).path("taskSchedulingPolicy").path("nodeFillType").asText())
        .isEqualTo("Spread");
  }

  @Test
  void resourceTagsRoundTripAt2024ApiVersions() {
    ObjectNode body = pool("Standard_D4s_v5", null, 0, null);
    ((ObjectNode) body.get("properties")).putObject("resourceTags").put("owner", "poolkeeper");

    client.put(POOL + "?api-version=2024-07-01", body);

    assertThat(
            properties(client.get(POOL + "?api-version=2024-07-01"))
                .path("resourceTags")
                .path("owner")
                .asText())
        .isEqualTo("poolkeeper");
    assertThat(properties(client.get(POOL + API)).has("resourceTags")).isFalse();
  }

  private void galleryImage(String generation, String securityType) {
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);
    ObjectNode definition = definition();
    ObjectNode properties = (ObjectNode) definition.get("properties");
    properties.put("hyperVGeneration", generation);
    if (securityType != null) {
      properties
          .putArray("features")
          .addObject()
          .put("name", "SecurityType")
          .put("value", securityType);
    }
    EmulatorClient.Reply created = client.put(DEFINITION + GALLERY_API, definition);
    assertThat(created.status()).as("%s", created.body()).isBetween(200, 201);
    azure.admin().advanceClock(AGES);
  }

  private static ObjectNode secured(ObjectNode pool, String securityType) {
    ((ObjectNode)
            pool.path("properties")
                .path("deploymentConfiguration")
                .path("virtualMachineConfiguration"))
        .putObject("securityProfile")
        .put("securityType", securityType)
        .putObject("uefiSettings")
        .put("secureBootEnabled", true)
        .put("vTpmEnabled", true);
    return pool;
  }

  private static ObjectNode inSubnet(String subnetId) {
    ObjectNode body = pool("Standard_D4s_v5", null, 0, null);
    ((ObjectNode) body.get("properties"))
        .putObject("networkConfiguration")
        .put("subnetId", subnetId);
    return body;
  }

  private static ObjectNode withIdentity(String type, String identityId) {
    ObjectNode body = pool("Standard_D4s_v5", null, 0, null);
    ObjectNode identity = body.putObject("identity").put("type", type);
    identity.putObject("userAssignedIdentities").putObject(identityId);
    return body;
  }

  private static JsonNode vm(EmulatorClient.Reply reply) {
    return properties(reply).path("deploymentConfiguration").path("virtualMachineConfiguration");
  }

  private static String reason(EmulatorClient.Reply reply) {
    return reply.body().path("error").path("details").get(2).path("message").asText();
  }

  private static void assertInvalidProperty(EmulatorClient.Reply reply, String property) {
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("InvalidPropertyValue");
    assertThat(reply.body().path("error").path("details").get(0).path("message").asText())
        .isEqualTo(property);
  }
}
