package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.azure.AzureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The verdicts ReconcileErrors gives failed Azure calls. */
class ReconcileErrorsTest {

  @Test
  void aRefusedAzureCertificateIsStalledNamingTheCheckAndTheCaOption() {
    // What the JDK HTTP client throws when the endpoint's certificate chains to another CA.
    SSLHandshakeException handshake =
        new SSLHandshakeException(
            "PKIX path validation failed: java.security.cert.CertPathValidatorException:"
                + " signature check failed");
    handshake.initCause(new CertPathValidatorException("signature check failed"));

    Health health = ReconcileErrors.healthOf(noAnswer(handshake));

    assertThat(health.isStalled()).isTrue();
    assertThat(health.reason()).isEqualTo("AzureCertificateUntrusted");
    assertThat(health.message())
        .contains("certificate was refused", "PKIX path validation failed", "--azure-ca-file");
  }

  @Test
  void anotherHostsCertificateIsRefusedToo() {
    SSLHandshakeException handshake =
        new SSLHandshakeException("No subject alternative names matching IP address 10.0.0.1");
    handshake.initCause(new CertificateException("No subject alternative names"));

    assertThat(ReconcileErrors.healthOf(noAnswer(handshake)).reason())
        .isEqualTo("AzureCertificateUntrusted");
  }

  @Test
  void aHandshakeOrConnectionThatBrokeIsStillWaitedFor() {
    assertThat(
            ReconcileErrors.healthOf(
                    noAnswer(new SSLHandshakeException("Remote host terminated the handshake")))
                .reason())
        .isEqualTo("AzureUnavailable");
    assertThat(ReconcileErrors.healthOf(noAnswer(new ConnectException("refused"))).reason())
        .isEqualTo("AzureUnavailable");
  }

  /** A failure as AzureErrors translates a call that got no answer. */
  private static AzureException.Transient noAnswer(IOException cause) {
    return new AzureException.Transient(
        0, "", "no answer from Azure: " + cause.getMessage(), new UncheckedIOException(cause));
  }
}
