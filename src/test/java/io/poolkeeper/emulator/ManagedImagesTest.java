package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Managed images: creation from snapshots as a long-running operation, updates, deletion. */
class ManagedImagesTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void creatingAnImageAnswers201CreatingWithAnAsyncOperation() {
    EmulatorClient.Reply created = client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    assertThat(created.status()).isEqualTo(201);
    assertThat(properties(created).path("provisioningState").asText()).isEqualTo("Creating");
    assertThat(created.body().path("location").asText()).isEqualTo("westeurope");
    JsonNode osDisk = properties(created).path("storageProfile").path("osDisk");
    assertThat(osDisk.path("caching").asText()).isEqualTo("ReadWrite");
    assertThat(osDisk.has("diskSizeGB")).isFalse();
    String operation = created.header("Azure-AsyncOperation");
    assertThat(operation)
        .startsWith(
            azure.endpoint()
                + "subscriptions/"
                + SUBSCRIPTION
                + "/providers/Microsoft.Compute/locations/westeurope/operations/")
        .endsWith("?api-version=" + ApiVersions.IMAGES_SDK);

    EmulatorClient.Reply running = client.getUrl(operation);
    assertThat(running.status()).isEqualTo(200);
    assertThat(running.body().path("status").asText()).isEqualTo("InProgress");
    assertThat(running.body().has("endTime")).isFalse();

    azure.admin().advanceClock(EmulatorOptions.defaults().provisioningDuration());

    assertThat(client.getUrl(operation).body().path("status").asText()).isEqualTo("Succeeded");
    JsonNode image = properties(client.get(IMAGE + IMAGES_API));
    assertThat(image.path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(image.path("storageProfile").path("osDisk").path("diskSizeGB").asInt())
        .isEqualTo(30);
    assertThat(image.path("storageProfile").path("dataDisks").get(0).path("diskSizeGB").asInt())
        .isEqualTo(100);
  }

  @Test
  void anImageFromAMissingSnapshotIsRefused() {
    azure.admin().deleteResource(DATA_SNAPSHOT);
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply refused = client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.errorCode()).isEqualTo("NotFound");
    assertThat(refused.errorMessage()).isEqualTo("Resource render-data0 is not found.");
  }

  @Test
  void anImageFromAMissingVirtualMachineIsRefused() {
    EmulatorClient.Reply refused =
        client.put(
            IMAGE + IMAGES_API,
            json(
                "{\"location\": \"westeurope\", \"properties\": {\"sourceVirtualMachine\": {\"id\": \""
                    + COMPUTE
                    + "/virtualMachines/builder\"}}}"));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.errorMessage()).isEqualTo("Resource builder is not found.");
  }

  @Test
  void anImageFromASeededVirtualMachineTakesItsOsType() {
    azure
        .admin()
        .addReferencedResource(
            COMPUTE + "/virtualMachines/builder",
            null,
            json(
                "{\"storageProfile\": {\"osDisk\": {\"osType\": \"Windows\", \"diskSizeGB\": 64}}}"));

    EmulatorClient.Reply created =
        client.put(
            IMAGE + IMAGES_API,
            json(
                "{\"location\": \"westeurope\", \"properties\": {\"sourceVirtualMachine\": {\"id\": \""
                    + COMPUTE
                    + "/virtualMachines/builder\"}}}"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(properties(created).path("storageProfile").path("osDisk").path("osType").asText())
        .isEqualTo("Windows");
  }

  @Test
  void anUpdateAnswers200UpdatingButTheSourceCannotChange() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);

    var tagged = imageFromSnapshots();
    tagged.putObject("tags").put("team", "render");
    EmulatorClient.Reply updated = client.put(IMAGE + IMAGES_API, tagged);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(properties(updated).path("provisioningState").asText()).isEqualTo("Updating");
    assertThat(updated.header("Azure-AsyncOperation")).isNotBlank();

    var otherSource = imageFromSnapshots();
    ((ObjectNode) otherSource.path("properties").path("storageProfile")).remove("dataDisks");
    EmulatorClient.Reply refused = client.put(IMAGE + IMAGES_API, otherSource);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("PropertyChangeNotAllowed");
  }

  @Test
  void deletingAnImageAnswers202AndIsPolledThroughEitherHeader() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);

    EmulatorClient.Reply deleting = client.delete(IMAGE + IMAGES_API);
    assertThat(deleting.status()).isEqualTo(202);
    assertThat(deleting.header("Retry-After")).isNotBlank();
    String asyncOperation = deleting.header("Azure-AsyncOperation");
    String location = deleting.header("Location");
    assertThat(location).contains("monitor=true&");
    assertThat(properties(client.get(IMAGE + IMAGES_API)).path("provisioningState").asText())
        .isEqualTo("Deleting");
    assertThat(client.getUrl(location).status()).isEqualTo(202);
    assertThat(client.getUrl(asyncOperation).body().path("status").asText())
        .isEqualTo("InProgress");

    azure.admin().advanceClock(Duration.ofMinutes(1));

    assertThat(client.getUrl(asyncOperation).body().path("status").asText()).isEqualTo("Succeeded");
    EmulatorClient.Reply done = client.getUrl(location);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).isNull();
    EmulatorClient.Reply gone = client.get(IMAGE + IMAGES_API);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("ResourceNotFound");
    assertThat(gone.errorMessage())
        .isEqualTo(
            "The Resource 'Microsoft.Compute/images/render-base' under resource group 'rg-images'"
                + " was not found. For more details please go to"
                + " https://aka.ms/ARMResourceNotFoundFix");
    assertThat(client.delete(IMAGE + IMAGES_API).status()).isEqualTo(204);
  }

  @Test
  void imagesAreListedByResourceGroup() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    client.put(COMPUTE + "/images/second" + IMAGES_API, imageFromSnapshots());

    JsonNode list = client.get(COMPUTE + "/images" + IMAGES_API).body();

    assertThat(list.path("value")).hasSize(2);
    assertThat(list.path("value").get(1).path("name").asText()).isEqualTo("second");
  }

  @Test
  void anInjectedProvisioningFailureEndsTheOperationFailed() {
    azure
        .admin()
        .failNextProvisioning(
            new ProvisioningFailure(IMAGE, "InternalOperationError", "disk copy failed"));

    String operation =
        client.put(IMAGE + IMAGES_API, imageFromSnapshots()).header("Azure-AsyncOperation");
    azure.admin().advanceClock(AGES);

    JsonNode status = client.getUrl(operation).body();
    assertThat(status.path("status").asText()).isEqualTo("Failed");
    assertThat(status.path("error").path("code").asText()).isEqualTo("InternalOperationError");
    assertThat(properties(client.get(IMAGE + IMAGES_API)).path("provisioningState").asText())
        .isEqualTo("Failed");
  }

  // Worded as ARM answered in Azure/azure-cli issue 28496: versions oldest first, then locations.
  @Test
  void anUnsupportedApiVersionIsRefusedAsArmDoes() {
    EmulatorClient.Reply refused = client.get(IMAGE + "?api-version=2099-01-01");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("NoRegisteredProviderFound");
    assertThat(refused.errorMessage())
        .startsWith(
            "No registered resource provider found for location 'westeurope' and API version"
                + " '2099-01-01' for type 'images'. The supported api-versions are '2017-03-30,"
                + " 2017-12-01, ")
        .contains(", 2025-04-01, 2025-11-01'. The supported locations are 'australiacentral, ")
        .endsWith(", westus3'.");
  }

  @Test
  void aMissingApiVersionIsRefused() {
    EmulatorClient.Reply refused = client.get(IMAGE);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("MissingApiVersionParameter");
  }

  @Test
  void segmentNamesAreCaseInsensitive() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    EmulatorClient.Reply read =
        client.get(
            "/SUBSCRIPTIONS/"
                + SUBSCRIPTION
                + "/resourcegroups/RG-IMAGES/providers/microsoft.compute/IMAGES/render-base"
                + IMAGES_API);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("id").asText()).isEqualTo(IMAGE);
  }
}
