package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ARM needs a bearer token (any will do); the admin API needs none. */
class AuthenticationTest {

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.seeded();

  private final AzureEmulator azure = emulator.azure();
  private final EmulatorClient client = emulator.client();

  @Test
  void aRequestWithoutAuthorizationIs401AuthenticationFailed() {
    EmulatorClient.Reply refused = client.anonymous("GET", RG_PATH + IMAGES_RG + RG_API, null);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("AuthenticationFailed");
    assertThat(refused.errorMessage())
        .isEqualTo("Authentication failed. The 'Authorization' header is missing.");
    assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aNonBearerAuthorizationIs401InvalidAuthenticationToken() {
    EmulatorClient.Reply refused =
        client.send(
            "GET",
            RG_PATH + IMAGES_RG + RG_API,
            null,
            Map.of("Authorization", "Basic dXNlcjpwYXNz"));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("InvalidAuthenticationToken");
  }

  @Test
  void anyBearerTokenIsAcceptedAndArmHeadersArePresent() {
    EmulatorClient.Reply read = client.get(RG_PATH + IMAGES_RG + RG_API);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("x-ms-request-id")).matches("[0-9a-f-]{36}");
    assertThat(read.header("x-ms-correlation-request-id")).isNotBlank();
    assertThat(read.header("x-ms-ratelimit-remaining-subscription-reads")).matches("\\d+");

    EmulatorClient.Reply write = client.put(IMAGE + IMAGES_API, imageFromSnapshots());
    assertThat(write.header("x-ms-ratelimit-remaining-subscription-writes")).matches("\\d+");
    assertThat(
            client
                .delete(IMAGE + IMAGES_API)
                .header("x-ms-ratelimit-remaining-subscription-deletes"))
        .matches("\\d+");
  }

  @Test
  void theAdminApiNeedsNoToken() {
    assertThat(client.admin("GET", "clock", null).status()).isEqualTo(200);
  }
}
