package io.poolkeeper.emulator.server;

import io.poolkeeper.tls.Certificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 and localhost, made
 * fresh at every start. BouncyCastle only builds the certificates; keys, signatures and the TLS
 * stack come from the JDK's own providers, because the product jar strips BouncyCastle's signature
 * and so cannot register it as a JCA provider.
 */
public final class EmulatorCertificates {

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
      KeyPair caKeys = Certificates.ecKeys();
      KeyPair serverKeys = Certificates.ecKeys();
      Instant notBefore = Instant.now().minus(BACKDATE);
      Certificates.Validity validity =
          new Certificates.Validity(notBefore, notBefore.plus(VALIDITY), random);
      X509Certificate caCertificate =
          Certificates.authority("CN=Poolkeeper Azure Emulator CA", caKeys, validity);
      X509Certificate serverCertificate =
          Certificates.leaf(
              caCertificate,
              caKeys,
              "CN=localhost",
              serverKeys,
              KeyPurposeId.id_kp_serverAuth,
              validity);

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
      return Certificates.pem("CERTIFICATE", caCertificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
