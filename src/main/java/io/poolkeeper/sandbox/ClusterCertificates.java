package io.poolkeeper.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The throw-away credentials a local kube-apiserver needs, written as PEM files: a CA, a serving
 * certificate for 127.0.0.1 and localhost, a client certificate in {@code system:masters} (the
 * sandbox's admin, and the user's kubectl) and a key pair for signing service-account tokens. As in
 * the emulator's certificates, BouncyCastle only builds certificates; keys and signatures come from
 * the JDK, because the shaded jar cannot register BouncyCastle as a JCA provider.
 */
final class ClusterCertificates {

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
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
      Instant notAfter = notBefore.plus(VALIDITY);

      KeyPair caKeys = ecKeys();
      X500Name caName = new X500Name("CN=Poolkeeper sandbox CA");
      X509v3CertificateBuilder ca =
          new JcaX509v3CertificateBuilder(
              caName,
              serial(random),
              Date.from(notBefore),
              Date.from(notAfter),
              caName,
              caKeys.getPublic());
      ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      ca.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate caCertificate = sign(ca, caKeys);

      KeyPair servingKeys = ecKeys();
      X509v3CertificateBuilder serving =
          leaf(caCertificate, "CN=kube-apiserver", servingKeys, notBefore, notAfter, random);
      serving.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      serving.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      X509Certificate servingCertificate = sign(serving, caKeys);

      // Kubernetes reads the user from CN and the groups from O: system:masters may do anything.
      // RSA, because fabric8 reads a PKCS#8 client key as RSA unless told otherwise.
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair clientKeys = rsa.generateKeyPair();
      X509v3CertificateBuilder client =
          leaf(
              caCertificate,
              "CN=poolkeeper-sandbox,O=system:masters",
              clientKeys,
              notBefore,
              notAfter,
              random);
      client.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      X509Certificate clientCertificate = sign(client, caKeys);

      KeyPair serviceAccountKeys = rsa.generateKeyPair();

      write(files.caCertificate, pem("CERTIFICATE", caCertificate.getEncoded()));
      write(files.servingCertificate, pem("CERTIFICATE", servingCertificate.getEncoded()));
      write(files.servingKey, pem("PRIVATE KEY", servingKeys.getPrivate().getEncoded()));
      write(files.clientCertificate, pem("CERTIFICATE", clientCertificate.getEncoded()));
      write(files.clientKey, pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()));
      write(
          files.serviceAccountPublicKey,
          pem("PUBLIC KEY", serviceAccountKeys.getPublic().getEncoded()));
      write(
          files.serviceAccountPrivateKey,
          pem("PRIVATE KEY", serviceAccountKeys.getPrivate().getEncoded()));
      return files;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not create the sandbox cluster's certificates", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509v3CertificateBuilder leaf(
      X509Certificate issuer,
      String subject,
      KeyPair keys,
      Instant notBefore,
      Instant notAfter,
      SecureRandom random)
      throws IOException {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            serial(random),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name(subject),
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    return builder;
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate())));
  }

  static String pem(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
