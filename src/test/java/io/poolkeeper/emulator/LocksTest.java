package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Management locks and the deletes and writes they block. */
class LocksTest {

  private static final String LOCK =
      IMAGE + "/providers/Microsoft.Authorization/locks/poolkeeper-in-use";

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @BeforeEach
  void seedTheWorldOfTheseTests() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    azure.admin().advanceClock(AGES);
  }

  @Test
  void aLockIsCreatedReadListedAndDeleted() {
    EmulatorClient.Reply created = client.put(LOCK + LOCKS_API, canNotDelete());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("id").asText()).isEqualTo(LOCK);
    assertThat(created.body().path("type").asText()).isEqualTo("Microsoft.Authorization/locks");
    assertThat(created.body().path("name").asText()).isEqualTo("poolkeeper-in-use");
    assertThat(created.body().path("properties").path("level").asText()).isEqualTo("CanNotDelete");
    assertThat(created.body().path("properties").path("notes").asText()).isEqualTo("used by pools");
    assertThat(client.put(LOCK + LOCKS_API, canNotDelete()).status()).isEqualTo(200);

    assertThat(client.get(LOCK + LOCKS_API).status()).isEqualTo(200);
    assertThat(
            client
                .get(IMAGE + "/providers/Microsoft.Authorization/locks" + LOCKS_API)
                .body()
                .path("value"))
        .hasSize(1);

    assertThat(client.delete(LOCK + LOCKS_API).status()).isEqualTo(200);
    assertThat(client.delete(LOCK + LOCKS_API).status()).isEqualTo(204);
    EmulatorClient.Reply gone = client.get(LOCK + LOCKS_API);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("LockNotFound");
  }

  @Test
  void aScopeSentAsOneEncodedSegmentIsUnderstood() {
    // The SDK's locks-by-scope call puts the whole resource ID into one path segment.
    String encodedScope = URLEncoder.encode(IMAGE, StandardCharsets.UTF_8);

    EmulatorClient.Reply created =
        client.put(
            "/"
                + encodedScope
                + "/providers/Microsoft.Authorization/locks/poolkeeper-in-use"
                + LOCKS_API,
            canNotDelete());

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("id").asText()).isEqualTo(LOCK);
  }

  @Test
  void deletingALockedResourceIsScopeLocked() {
    client.put(LOCK + LOCKS_API, canNotDelete());

    EmulatorClient.Reply refused = client.delete(IMAGE + IMAGES_API);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("ScopeLocked");
    assertThat(refused.errorMessage())
        .isEqualTo(
            "The scope '"
                + IMAGE
                + "' cannot perform delete operation because following scope(s) are locked: '"
                + IMAGE
                + "'. Please remove the lock and try again.");
    assertThat(client.get(IMAGE + IMAGES_API).status()).isEqualTo(200);
  }

  @Test
  void aLockedResourceBlocksDeletingItsResourceGroup() {
    client.put(LOCK + LOCKS_API, canNotDelete());

    EmulatorClient.Reply refused = client.delete(RG_PATH + IMAGES_RG + RG_API);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorMessage())
        .startsWith("The scope '" + RG_PATH + IMAGES_RG + "' cannot perform delete operation")
        .contains("are locked: '" + IMAGE + "'");
  }

  @Test
  void aResourceGroupLockBlocksDeletingWhatIsInside() {
    client.put(
        RG_PATH + IMAGES_RG + "/providers/Microsoft.Authorization/locks/keep" + LOCKS_API,
        canNotDelete());

    EmulatorClient.Reply refused = client.delete(IMAGE + IMAGES_API);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorMessage()).contains("are locked: '" + RG_PATH + IMAGES_RG + "'");
  }

  @Test
  void anOutOfBandDeleteHonoursLocks() {
    client.put(LOCK + LOCKS_API, canNotDelete());

    ArmOutcome outcome = azure.admin().deleteResource(IMAGE);

    assertThat(outcome.status()).isEqualTo(409);
    assertThat(outcome.body().path("error").path("code").asText()).isEqualTo("ScopeLocked");

    client.delete(LOCK + LOCKS_API);
    assertThat(azure.admin().deleteResource(IMAGE).status()).isEqualTo(202);
  }

  @Test
  void aReadOnlyLockAlsoBlocksWrites() {
    client.put(LOCK + LOCKS_API, json("{\"properties\": {\"level\": \"ReadOnly\"}}"));

    EmulatorClient.Reply refused = client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorMessage()).contains("cannot perform write operation");
  }

  @Test
  void aLockOnAMissingImageIsRefused() {
    EmulatorClient.Reply refused =
        client.put(
            COMPUTE + "/images/missing/providers/Microsoft.Authorization/locks/x" + LOCKS_API,
            canNotDelete());

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.errorCode()).isEqualTo("ResourceNotFound");
  }

  private static ObjectNode canNotDelete() {
    return json("{\"properties\": {\"level\": \"CanNotDelete\", \"notes\": \"used by pools\"}}");
  }
}
