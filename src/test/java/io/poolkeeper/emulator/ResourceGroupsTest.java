package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resource groups: create, read, check, delete (with everything in them). */
class ResourceGroupsTest {

  private static final String GROUP = RG_PATH + "rg-new";

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void createReadAndCheckAResourceGroup() {
    var body = json("{\"location\": \"West Europe\", \"tags\": {\"team\": \"render\"}}");

    EmulatorClient.Reply created = client.put(GROUP + RG_API, body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("id").asText()).isEqualTo(GROUP);
    assertThat(created.body().path("type").asText())
        .isEqualTo("Microsoft.Resources/resourceGroups");
    assertThat(created.body().path("location").asText()).isEqualTo("westeurope");
    assertThat(properties(created).path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(client.put(GROUP + RG_API, body).status()).isEqualTo(200);

    assertThat(client.get(GROUP + RG_API).body().path("tags").path("team").asText())
        .isEqualTo("render");
    assertThat(client.head(GROUP + RG_API).status()).isEqualTo(204);
    assertThat(client.head(RG_PATH + "rg-missing" + RG_API).status()).isEqualTo(404);
  }

  @Test
  void aMissingResourceGroupIsReportedInArmWording() {
    EmulatorClient.Reply missing = client.get(RG_PATH + "rg-missing" + RG_API);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("ResourceGroupNotFound");
    assertThat(missing.errorMessage()).isEqualTo("Resource group 'rg-missing' could not be found.");
    EmulatorClient.Reply inside =
        client.get(RG_PATH + "rg-missing/providers/Microsoft.Compute/images/x" + IMAGES_API);
    assertThat(inside.errorCode()).isEqualTo("ResourceGroupNotFound");
  }

  @Test
  void anUnknownSubscriptionIsReported() {
    EmulatorClient.Reply missing =
        client.put(
            "/subscriptions/other/resourcegroups/rg" + RG_API,
            json("{\"location\": \"westeurope\"}"));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("SubscriptionNotFound");
  }

  @Test
  void anUnsupportedApiVersionIsAnInvalidApiVersionParameter() {
    EmulatorClient.Reply refused = client.get(RG_PATH + IMAGES_RG + "?api-version=2000-01-01");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidApiVersionParameter");
    assertThat(refused.errorMessage()).startsWith("The api-version '2000-01-01' is invalid.");
  }

  @Test
  void deletingAResourceGroupRemovesEverythingInItAfterTheOperation() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    EmulatorClient.Reply deleting = client.delete(RG_PATH + IMAGES_RG + RG_API);
    assertThat(deleting.status()).isEqualTo(202);
    String location = deleting.header("Location");
    assertThat(location)
        .startsWith(azure.endpoint() + "subscriptions/" + SUBSCRIPTION + "/operationresults/");
    assertThat(
            properties(client.get(RG_PATH + IMAGES_RG + RG_API)).path("provisioningState").asText())
        .isEqualTo("Deleting");
    assertThat(client.put(COMPUTE + "/images/other" + IMAGES_API, imageFromSnapshots()).errorCode())
        .isEqualTo("ResourceGroupBeingDeleted");
    assertThat(client.getUrl(location).status()).isEqualTo(202);

    azure.admin().advanceClock(AGES);

    assertThat(client.getUrl(location).status()).isEqualTo(200);
    assertThat(client.get(RG_PATH + IMAGES_RG + RG_API).status()).isEqualTo(404);
    assertThat(client.get(IMAGE + IMAGES_API).errorCode()).isEqualTo("ResourceGroupNotFound");
  }
}
