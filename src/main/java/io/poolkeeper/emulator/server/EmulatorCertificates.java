package io.poolkeeper.emulator.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 and localhost, made
 * fresh at every start. BouncyCastle only builds the certificates; keys, signatures and the TLS
 * stack come from the JDK's own providers, because the product jar strips BouncyCastle's signature
 * and so cannot register it as a JCA provider.
 */
public final class EmulatorCertificates {

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final char[] KEY_STORE_PASSWORD = "emulator".toCharArray();
  // Certificates are checked against the wall clock, not the emulator clock: allow for skew.
  private static final Duration BACKDATE = Duration.ofDays(1);
  private static final Duration VALIDITY = Duration.ofDays(365);

  private final X509Certificate caCertificate;
  private final SSLContext serverContext;

  private EmulatorCertificates(X509Certificate caCertificate, SSLContext serverContext) {
    this.caCertificate = caCertificate;
    this.serverContext = serverContext;
  }

  public static EmulatorCertificates generate() {
    try {
      SecureRandom random = new SecureRandom();
      KeyPair caKeys = newKeyPair();
      KeyPair serverKeys = newKeyPair();
      Instant notBefore = Instant.now().minus(BACKDATE);
      Instant notAfter = notBefore.plus(VALIDITY);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

      X500Name caName = new X500Name("CN=Poolkeeper Azure Emulator CA");
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
      ca.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCertificate = sign(ca, caKeys);

      X509v3CertificateBuilder server =
          new JcaX509v3CertificateBuilder(
              caCertificate,
              serial(random),
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name("CN=localhost"),
              serverKeys.getPublic());
      server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      server.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      server.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      server.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(caCertificate));
      server.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
      X509Certificate serverCertificate = sign(server, caKeys);

      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "server",
          serverKeys.getPrivate(),
          KEY_STORE_PASSWORD,
          new Certificate[] {serverCertificate, caCertificate});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, KEY_STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, random);
      return new EmulatorCertificates(caCertificate, context);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not create the emulator's certificates", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  public SSLContext serverContext() {
    return serverContext;
  }

  /** The CA certificate in PEM, for clients that read a trust file. */
  public String caPem() {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(caCertificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer =
        new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
