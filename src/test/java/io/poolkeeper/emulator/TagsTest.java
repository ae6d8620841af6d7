package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARM's tag limits on every tagged resource (Azure docs, "Use tags to organize your Azure resources
 * and management hierarchy", Limitations), with ARM's codes and wording: InvalidTags and
 * InvalidTagName as Azure/azure-powershell repeats them (src/Migrate/Migrate.Autorest/custom
 * /New-AzMigrateServerReplication.ps1), InvalidTagValueLength as ARM answered it in
 * Azure-Samples/azure-search-openai-demo issue 1997, InvalidTagNameCharacters as the Azure CLI docs
 * show it (MicrosoftDocs/azure-docs-cli, "Write Azure CLI commands for both Bash and PowerShell").
 */
class TagsTest {

  private static final String GROUP = RG_PATH + "rg-tags";

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void tagNamesWithReservedCharactersAreRefused() {
    for (String name : new String[] {"a<b", "a>b", "50%", "r&d", "a\\b", "why?", "team/owner"}) {
      EmulatorClient.Reply refused = client.put(GROUP + RG_API, group(Map.of(name, "x")));

      assertThat(refused.status()).as(name).isEqualTo(400);
      assertThat(refused.errorCode()).as(name).isEqualTo("InvalidTagNameCharacters");
      assertThat(refused.errorMessage())
          .isEqualTo(
              "The tag names '"
                  + name
                  + "' have reserved characters '<,>,%,&,\\,?,/' or control characters.");
    }
  }

  @Test
  void tagNamesWithControlCharactersAreRefused() {
    EmulatorClient.Reply refused = client.put(GROUP + RG_API, group(Map.of("line\nbreak", "x")));

    assertThat(refused.errorCode()).isEqualTo("InvalidTagNameCharacters");
  }

  @Test
  void fiftyTagsAreAcceptedFiftyOneAreNot() {
    assertThat(client.put(GROUP + RG_API, group(numberedTags(50))).status()).isEqualTo(201);

    EmulatorClient.Reply refused = client.put(GROUP + RG_API, group(numberedTags(51)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidTags");
    assertThat(refused.errorMessage())
        .isEqualTo(
            "Too many tags specified. Requested tag count - '51'. Maximum number of tags allowed -"
                + " '50'.");
  }

  @Test
  void namesUpTo512AndValuesUpTo256CharactersAreAccepted() {
    EmulatorClient.Reply accepted =
        client.put(GROUP + RG_API, group(Map.of("n".repeat(512), "v".repeat(256))));

    assertThat(accepted.status()).isEqualTo(201);
  }

  @Test
  void aLongerNameIsRefused() {
    String name = "n".repeat(513);

    EmulatorClient.Reply refused = client.put(GROUP + RG_API, group(Map.of(name, "x")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidTagName");
    assertThat(refused.errorMessage())
        .isEqualTo(
            "Tag key too large. Following tag name '"
                + name
                + "' exceeded the maximum length. Maximum allowed length for tag name - '512'"
                + " characters.");
  }

  @Test
  void aLongerValueIsRefused() {
    String value = "v".repeat(257);

    EmulatorClient.Reply refused = client.put(GROUP + RG_API, group(Map.of("owner", value)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidTagValueLength");
    assertThat(refused.errorMessage())
        .isEqualTo(
            "Tag value too large.  Following tag value '"
                + value
                + "' exceeded the maximum length. Maximum allowed length for tag value - '256'"
                + " characters.");
  }

  @Test
  void anEmptyNameIsRefused() {
    EmulatorClient.Reply refused = client.put(GROUP + RG_API, group(Map.of(" ", "x")));

    assertThat(refused.errorCode()).isEqualTo("InvalidTagName");
  }

  @Test
  void everyTaggedResourceIsCheckedOnPutAndPatch() {
    ObjectNode badTags = EmulatorJson.tags(Map.of("a/b", "x"));
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    client.put(GALLERY + GALLERY_API, gallery());
    azure.admin().advanceClock(AGES);
    client.put(DEFINITION + GALLERY_API, definition());
    azure.admin().advanceClock(AGES);
    client.put(VERSION + GALLERY_API, version(IMAGE, LOCATION, "1"));
    azure.admin().advanceClock(AGES);

    Map<String, EmulatorClient.Reply> replies = new LinkedHashMap<>();
    replies.put(
        "group PATCH", client.patch(RG_PATH + IMAGES_RG + RG_API, withTags(json("{}"), badTags)));
    replies.put(
        "snapshot PUT",
        client.put(
            COMPUTE + "/snapshots/tagged?api-version=" + ApiVersions.DISKS_SDK,
            withTags(json("{\"location\": \"westeurope\", \"properties\": {}}"), badTags)));
    replies.put(
        "image PUT",
        client.put(
            COMPUTE + "/images/tagged" + IMAGES_API, withTags(imageFromSnapshots(), badTags)));
    replies.put("image PATCH", client.patch(IMAGE + IMAGES_API, withTags(json("{}"), badTags)));
    replies.put("gallery PUT", client.put(GALLERY + GALLERY_API, withTags(gallery(), badTags)));
    replies.put(
        "definition PUT", client.put(DEFINITION + GALLERY_API, withTags(definition(), badTags)));
    replies.put(
        "version PUT",
        client.put(VERSION + GALLERY_API, withTags(version(IMAGE, LOCATION, "1"), badTags)));
    replies.put(
        "version PATCH", client.patch(VERSION + GALLERY_API, withTags(json("{}"), badTags)));

    replies.forEach(
        (request, reply) -> {
          assertThat(reply.status()).as(request).isEqualTo(400);
          assertThat(reply.errorCode()).as(request).isEqualTo("InvalidTagNameCharacters");
        });
  }

  @Test
  void aPoolsResourceTagsAreHeldToTheSameLimitsInBatchWording() {
    ObjectNode body = pool("Standard_D4s_v5", null, 0, null);
    ((ObjectNode) body.get("properties")).set("resourceTags", numberedTags(51));

    EmulatorClient.Reply refused = client.put(POOL + "?api-version=2024-07-01", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidPropertyValue");
    JsonNode details = refused.body().path("error").path("details");
    assertThat(details.get(0).path("message").asText()).isEqualTo("resourceTags");
    assertThat(details.get(2).path("message").asText()).startsWith("Too many tags specified.");
  }

  @Test
  void driftTagsGoThroughTheSameCheck() {
    client.put(IMAGE + IMAGES_API, imageFromSnapshots());

    JsonNode outcome =
        client
            .admin(
                "POST",
                "drift/tags",
                json("{\"id\": \"" + IMAGE + "\", \"tags\": {\"r&d\": \"someone\"}}"))
            .body();

    assertThat(outcome.path("status").asInt()).isEqualTo(400);
    assertThat(outcome.path("body").path("error").path("code").asText())
        .isEqualTo("InvalidTagNameCharacters");
    assertThat(client.get(IMAGE + IMAGES_API).body().has("tags")).isFalse();
  }

  private static ObjectNode group(Map<String, String> tags) {
    return withTags(json("{\"location\": \"westeurope\"}"), EmulatorJson.tags(tags));
  }

  private static ObjectNode group(ObjectNode tags) {
    return withTags(json("{\"location\": \"westeurope\"}"), tags);
  }

  private static ObjectNode withTags(ObjectNode body, ObjectNode tags) {
    body.set("tags", tags);
    return body;
  }

  private static ObjectNode numberedTags(int count) {
    ObjectNode tags = EmulatorJson.object();
    for (int i = 0; i < count; i++) {
      tags.put("tag" + i, "value" + i);
    }
    return tags;
  }
}
