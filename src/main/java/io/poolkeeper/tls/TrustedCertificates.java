package io.poolkeeper.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client TLS that trusts one given CA explicitly, as clients of the Azure emulator must: TLS
 * verification stays on, it just anchors in that CA instead of the JDK's.
 */
public final class TrustedCertificates {

  private TrustedCertificates() {}

  /** A client TLS context that trusts exactly the given CA, and nothing else. */
  public static SSLContext trusting(X509Certificate ca) {
    try {
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry("poolkeeper-trusted-ca", ca);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot build a TLS context trusting " + ca.getSubjectX500Principal(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
