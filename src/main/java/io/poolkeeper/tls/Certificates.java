package io.poolkeeper.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away certificate authorities and the certificates they sign, for the servers Poolkeeper
 * starts on this machine (the Azure emulator, the sandbox's kube-apiserver): the JDK has no public
 * API to issue certificates, so BouncyCastle does it. Every key is generated fresh and never leaves
 * the process or its temporary directory.
 */
public final class Certificates {

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private Certificates() {}

  /** A certificate's validity and the randomness for its serial number. */
  public record Validity(Instant notBefore, Instant notAfter, SecureRandom random) {}

  /** A P-256 key pair. */
  public static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  /** A self-signed CA certificate that may sign leaf certificates only. */
  public static X509Certificate authority(String subject, KeyPair keys, Validity validity)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name name = new X500Name(subject);
    X509v3CertificateBuilder ca =
        new JcaX509v3CertificateBuilder(
            name,
            serial(validity.random()),
            Date.from(validity.notBefore()),
            Date.from(validity.notAfter()),
            name,
            keys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    ca.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    ca.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    return sign(ca, keys);
  }

  /**
   * A leaf certificate for {@code keys} signed by the CA.
   *
   * @param purpose what it is for: {@link KeyPurposeId#id_kp_serverAuth} (then it names 127.0.0.1
   *     and localhost) or {@link KeyPurposeId#id_kp_clientAuth}
   */
  public static X509Certificate leaf(
      X509Certificate issuer,
      KeyPair issuerKeys,
      String subject,
      KeyPair keys,
      KeyPurposeId purpose,
      Validity validity)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X509v3CertificateBuilder leaf =
        new JcaX509v3CertificateBuilder(
            issuer,
            serial(validity.random()),
            Date.from(validity.notBefore()),
            Date.from(validity.notAfter()),
            new X500Name(subject),
            keys.getPublic());
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    // keyEncipherment belongs to RSA key exchange only; an EC key just signs.
    boolean rsa = "RSA".equals(keys.getPublic().getAlgorithm());
    leaf.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | (rsa ? KeyUsage.keyEncipherment : 0)));
    leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    leaf.addExtension(
        Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
    leaf.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(keys.getPublic()));
    if (purpose.equals(KeyPurposeId.id_kp_serverAuth)) {
      leaf.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
    }
    return sign(leaf, issuerKeys);
  }

  /** DER bytes as PEM text of the given type ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...). */
  public static String pem(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
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
}
