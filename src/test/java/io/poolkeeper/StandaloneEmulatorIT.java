package io.poolkeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar poolkeeper.jar emulator --port 0} on its own, driven with curl as a person
 * would: seed an account through the admin API, then create, resize, list and delete a pool with
 * the request bodies of the Azure reference examples.
 */
class StandaloneEmulatorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch"
          + "/providers/Microsoft.Batch/batchAccounts/renderbatch";
  private static final String POOL = ACCOUNT + "/pools/testpool";
  private static final String API = "?api-version=2022-01-01";
  private static final Path EXAMPLES =
      io.poolkeeper.api.ProjectFiles.root().resolve("../shared/azure-reference/batch/2022-01-01");

  private Process emulator;
  private String endpoint;
  private String caFile;

  @BeforeEach
  void startTheJar() throws IOException {
    emulator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                PackagedJarIT.JAR.toString(),
                "emulator",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening =
        Pattern.compile("^Azure emulator listening on (https://127\\.0\\.0\\.1:\\d+)$");
    Pattern ca = Pattern.compile("^CA certificate: (/.+\\.pem)$");
    List<String> seen = new ArrayList<>();
    while (endpoint == null || caFile == null) {
      String line = out.readLine();
      assertThat(line).as("emulator output so far: %s", seen).isNotNull();
      seen.add(line);
      Matcher m = listening.matcher(line);
      if (m.matches()) {
        endpoint = m.group(1);
      }
      Matcher c = ca.matcher(line);
      if (c.matches()) {
        caFile = c.group(1);
      }
    }
    // Keep draining its output so the process never blocks on a full pipe.
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // The log is not needed; the process must just not stall.
                }
              } catch (IOException e) {
                // The process ended.
              }
            });
    drain.setDaemon(true);
    drain.start();
  }

  @AfterEach
  void stopTheJar() throws InterruptedException {
    emulator.destroy();
    emulator.waitFor(20, TimeUnit.SECONDS);
  }

  @Test
  void aPoolIsCreatedResizedListedAndDeletedWithCurl() throws Exception {
    curl(
        "POST",
        "/_emulator/subscriptions",
        "{\"subscriptionId\":\"11111111-2222-3333-4444-555555555555\"}");
    curl(
        "POST",
        "/_emulator/resource-groups",
        "{\"subscriptionId\":\"11111111-2222-3333-4444-555555555555\",\"name\":\"rg-batch\",\"location\":\"westeurope\"}");
    curl(
        "POST",
        "/_emulator/batch-accounts",
        "{\"id\":\"" + ACCOUNT + "\",\"location\":\"westeurope\"}");

    Curl created =
        curl("PUT", POOL + API, exampleBody("PoolCreate_VirtualMachineConfiguration.json"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.headers()).containsIgnoringCase("etag:");
    assertThat(created.json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
    // Batch takes new scale settings only from a Steady pool; the create's resize comes first.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                curl("GET", POOL + API, null)
                    .json()
                    .at("/properties/allocationState")
                    .asText()
                    .equals("Steady"));

    Curl resized = curl("PATCH", POOL + API, exampleBody("PoolUpdate_ResizePool.json"));
    assertThat(resized.status()).isEqualTo(200);
    assertThat(resized.json().at("/properties/allocationState").asText()).isEqualTo("Resizing");

    Curl listed = curl("GET", ACCOUNT + "/pools" + API + "&maxresults=10", null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().at("/value/0/name").asText()).isEqualTo("testpool");

    Curl deleting = curl("DELETE", POOL + API, null);
    assertThat(deleting.status()).isEqualTo(202);
    assertThat(deleting.headers()).containsIgnoringCase("location:");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> curl("GET", POOL + API, null).status() == 404);
  }

  @Test
  void withoutABearerTokenArmAnswers401() throws Exception {
    Curl anonymous = curlWithoutToken("GET", ACCOUNT + "/pools" + API);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().at("/error/code").asText()).isEqualTo("AuthenticationFailed");
  }

  private String exampleBody(String file) throws IOException {
    return JSON.writeValueAsString(
        JSON.readTree(EXAMPLES.resolve(file).toFile()).at("/parameters/parameters"));
  }

  record Curl(int status, String headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private Curl curl(String method, String path, String body) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "-H", "Authorization: Bearer any-token", "-H", "Content-Type: application/json"));
    if (body != null) {
      command.addAll(List.of("--data", body));
    }
    return run(method, path, command);
  }

  private Curl curlWithoutToken(String method, String path) throws Exception {
    return run(method, path, List.of());
  }

  private Curl run(String method, String path, List<String> extra) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("curl", "-sS", "--cacert", caFile, "-X", method, "-D", "-", "-o", "-"));
    command.addAll(extra);
    command.add(endpoint + path);
    Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as(output).isZero();
    // Headers of a 100-continue are skipped: the last header block is the answer.
    int split = output.lastIndexOf("\r\n\r\n");
    String headers = output.substring(0, split);
    String responseHead = headers.substring(headers.lastIndexOf("HTTP/"));
    int status = Integer.parseInt(responseHead.split(" ")[1]);
    return new Curl(status, responseHead, output.substring(split + 4));
  }
}
