package io.poolkeeper.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.tls.TrustedCertificates;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator's TLS: a CA written as PEM, trusted explicitly by clients. */
class CertificatesTest {

  @TempDir Path directory;

  @Test
  void clientsTrustingTheWrittenCaFileConnectOverHttps() throws Exception {
    Path caFile = directory.resolve("nested/ca.pem");
    try (AzureEmulator azure =
        AzureEmulator.start(EmulatorOptions.builder().caFile(caFile).build())) {
      assertThat(azure.caCertificateFile()).isEqualTo(caFile.toAbsolutePath());
      assertThat(Files.readString(caFile)).startsWith("-----BEGIN CERTIFICATE-----\n");
      X509Certificate ca = readPem(caFile);
      assertThat(ca).isEqualTo(azure.caCertificate());
      assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);

      HttpClient http =
          HttpClient.newBuilder().sslContext(TrustedCertificates.trusting(ca)).build();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(azure.endpoint().resolve("_emulator/clock")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0])
          .isInstanceOfSatisfying(
              X509Certificate.class,
              server ->
                  assertThat(sans(server))
                      .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost")));

      HttpResponse<String> viaLocalhost =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "https://localhost:" + azure.endpoint().getPort() + "/_emulator/clock"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(viaLocalhost.statusCode()).isEqualTo(200);
    }
    assertThat(caFile).exists();
  }

  @Test
  void clientsThatDoNotTrustTheCaAreRefused() {
    try (AzureEmulator azure = AzureEmulator.start(EmulatorOptions.defaults())) {
      HttpClient http = HttpClient.newHttpClient();

      assertThatThrownBy(
              () ->
                  http.send(
                      HttpRequest.newBuilder(azure.endpoint().resolve("_emulator/clock")).build(),
                      HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void aTemporaryCaFileIsRemovedOnClose() {
    Path caFile;
    try (AzureEmulator azure = AzureEmulator.start(EmulatorOptions.defaults())) {
      caFile = azure.caCertificateFile();
      assertThat(caFile).exists();
    }
    assertThat(caFile).doesNotExist();
  }

  private static X509Certificate readPem(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static List<List<?>> sans(X509Certificate certificate) {
    try {
      return List.copyOf(certificate.getSubjectAlternativeNames());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
