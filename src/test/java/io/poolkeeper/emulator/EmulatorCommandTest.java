package io.poolkeeper.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.poolkeeper.PoolkeeperCommand;
import io.poolkeeper.tls.TrustedCertificates;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code poolkeeper emulator} starts, says where it listens, and serves until interrupted. */
class EmulatorCommandTest {

  private static final Pattern LISTENING =
      Pattern.compile("Azure emulator listening on (https://127\\.0\\.0\\.1:\\d+)\n");

  @TempDir Path directory;

  @Test
  void theCommandPrintsItsEndpointAndCaFileAndServes() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine commandLine = PoolkeeperCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    Path caFile = directory.resolve("ca.pem");
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread running =
        new Thread(
            () ->
                exitCode.set(
                    commandLine.execute(
                        "emulator",
                        "--port",
                        "0",
                        "--speed",
                        "120",
                        "--ca-file",
                        caFile.toString())));
    running.start();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> out.toString().contains("CA certificate:"));
      String printed = out.toString();
      Matcher matcher = LISTENING.matcher(printed);
      assertThat(matcher.find()).as(printed).isTrue();
      assertThat(printed).endsWith("CA certificate: " + caFile.toAbsolutePath() + "\n");
      assertThat(Files.readString(caFile)).startsWith("-----BEGIN CERTIFICATE-----");

      assertThat(statusTrustingOnly(caFile, URI.create(matcher.group(1) + "/_emulator/clock")))
          .isEqualTo(200);
    } finally {
      running.interrupt();
      running.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(running.isAlive()).isFalse();
    assertThat(exitCode.get()).isZero();
  }

  /** What a CLI user does: trust the printed CA file and nothing else. */
  private static int statusTrustingOnly(Path caFile, URI uri) throws Exception {
    X509Certificate ca;
    try (InputStream in = Files.newInputStream(caFile)) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    HttpClient http = HttpClient.newBuilder().sslContext(TrustedCertificates.trusting(ca)).build();
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void theEmulatorIsASubcommandOfPoolkeeper() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = PoolkeeperCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    assertThat(commandLine.execute("emulator", "--help")).isZero();
    assertThat(out.toString())
        .contains("--port")
        .contains("--speed")
        .contains("--node-rate")
        .contains("--ca-file");
  }
}
