package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
 * The test control plane's throwaway keys: a CA, one serving certificate for 127.0.0.1 (API server, the fault
 * front, the test kubelet's HTTPS server) and the service-account signing key pair. Valid for a day, never stored
 * outside the control plane's temp folder.
 */
final class Pki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] STORE_PASSWORD = "test".toCharArray();

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final KeyPair servingKeys;
    private final X509Certificate serving;
    private final KeyPair serviceAccountKeys;

    private Pki() throws GeneralSecurityException, IOException {
        caKeys = ecKeys();
        X500Name caName = new X500Name("CN=locust-load-test test CA");
        ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), from(), to(), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)));
        servingKeys = ecKeys();
        serving = sign(new JcaX509v3CertificateBuilder(
                        ca, serial(), from(), to(), new X500Name("CN=127.0.0.1"), servingKeys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")
                }))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)));
        serviceAccountKeys = ecKeys();
    }

    static Pki create() {
        try {
            return new Pki();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the test cluster's certificates", e);
        }
    }

    /** Writes ca.crt, serving.crt/.key and sa.key/.pub (PEM) into {@code dir}. */
    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("ca.crt"), caPem());
        Files.writeString(dir.resolve("serving.crt"), pem("CERTIFICATE", encoded(serving)));
        Files.writeString(
                dir.resolve("serving.key"),
                pem("PRIVATE KEY", servingKeys.getPrivate().getEncoded()));
        Files.writeString(
                dir.resolve("sa.key"),
                pem("PRIVATE KEY", serviceAccountKeys.getPrivate().getEncoded()));
        Files.writeString(
                dir.resolve("sa.pub"),
                pem("PUBLIC KEY", serviceAccountKeys.getPublic().getEncoded()));
    }

    String caPem() {
        return pem("CERTIFICATE", encoded(ca));
    }

    /** For HTTPS servers on 127.0.0.1 (the front, the kubelet): the serving certificate. */
    SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("serving", servingKeys.getPrivate(), STORE_PASSWORD, new Certificate[] {serving, ca});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test servers' TLS context", e);
        }
    }

    /** For clients of the API server: trusts this CA only. */
    SSLContext clientContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test clients' TLS context", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date to() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
