package io.poolkeeper.sandbox;

import io.poolkeeper.tls.Certificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The throw-away credentials a local kube-apiserver needs, written as PEM files: a CA, a serving
 * certificate for 127.0.0.1 and localhost, a client certificate in {@code system:masters} (the
 * sandbox's admin, and the user's kubectl) and a key pair for signing service-account tokens. As in
 * the emulator's certificates, BouncyCastle only builds certificates; keys and signatures come from
 * the JDK, because the shaded jar cannot register BouncyCastle as a JCA provider.
 */
final class ClusterCertificates {

  // Certificates are checked against the wall clock: allow for a skewed one.
  private static final Duration BACKDATE = Duration.ofDays(1);
  private static final Duration VALIDITY = Duration.ofDays(30);

  final Path caCertificate;
  final Path servingCertificate;
  final Path servingKey;
  final Path clientCertificate;
  final Path clientKey;
  final Path serviceAccountPublicKey;
  final Path serviceAccountPrivateKey;

  private ClusterCertificates(Path directory) {
    this.caCertificate = directory.resolve("ca.crt");
    this.servingCertificate = directory.resolve("apiserver.crt");
    this.servingKey = directory.resolve("apiserver.key");
    this.clientCertificate = directory.resolve("admin.crt");
    this.clientKey = directory.resolve("admin.key");
    this.serviceAccountPublicKey = directory.resolve("service-account.pub");
    this.serviceAccountPrivateKey = directory.resolve("service-account.key");
  }

  /** Generates every credential into {@code directory}, which must exist. */
  static ClusterCertificates generate(Path directory) {
    ClusterCertificates files = new ClusterCertificates(directory);
    try {
      SecureRandom random = new SecureRandom();
      Instant notBefore = Instant.now().minus(BACKDATE);
      Certificates.Validity validity =
          new Certificates.Validity(notBefore, notBefore.plus(VALIDITY), random);
      KeyPair caKeys = Certificates.ecKeys();
      X509Certificate caCertificate =
          Certificates.authority("CN=Poolkeeper sandbox CA", caKeys, validity);
      KeyPair servingKeys = Certificates.ecKeys();
      X509Certificate servingCertificate =
          Certificates.leaf(
              caCertificate,
              caKeys,
              "CN=kube-apiserver",
              servingKeys,
              KeyPurposeId.id_kp_serverAuth,
              validity);

      // Kubernetes reads the user from CN and the groups from O: system:masters may do anything.
      // RSA, because fabric8 reads a PKCS#8 client key as RSA unless told otherwise.
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair clientKeys = rsa.generateKeyPair();
      X509Certificate clientCertificate =
          Certificates.leaf(
              caCertificate,
              caKeys,
              "CN=poolkeeper-sandbox,O=system:masters",
              clientKeys,
              KeyPurposeId.id_kp_clientAuth,
              validity);

      KeyPair serviceAccountKeys = rsa.generateKeyPair();

      write(files.caCertificate, Certificates.pem("CERTIFICATE", caCertificate.getEncoded()));
      write(
          files.servingCertificate,
          Certificates.pem("CERTIFICATE", servingCertificate.getEncoded()));
      write(
          files.servingKey, Certificates.pem("PRIVATE KEY", servingKeys.getPrivate().getEncoded()));
      write(
          files.clientCertificate, Certificates.pem("CERTIFICATE", clientCertificate.getEncoded()));
      write(files.clientKey, Certificates.pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()));
      write(
          files.serviceAccountPublicKey,
          Certificates.pem("PUBLIC KEY", serviceAccountKeys.getPublic().getEncoded()));
      write(
          files.serviceAccountPrivateKey,
          Certificates.pem("PRIVATE KEY", serviceAccountKeys.getPrivate().getEncoded()));
      return files;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not create the sandbox cluster's certificates", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
