package org.ewn.trust;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;

import javax.crypto.KeyAgreement;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkPkiTest {

    private static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2030-01-01T00:00:00Z");
    private static final String BASIC_CONSTRAINTS = Extension.basicConstraints.getId();
    private static final String KEY_USAGE = Extension.keyUsage.getId();
    private static final String ED25519 = "1.3.101.112";

    private final IssuedKey root = NetworkPki.root("EWN", NOT_BEFORE, NOT_AFTER);
    private final IssuedKey kazakhstan = NetworkPki.memberCa(root, "KZ", "Kazakhstan", NOT_BEFORE, NOT_AFTER);

    @Test
    void rootIsASelfSignedCaForOneLevelOfMemberCas() throws Exception {
        X509Certificate certificate = root.certificate();

        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=EWN Root CA,O=EWN");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isEqualTo(1);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(usages(certificate)).isEqualTo(KeyUsage.keyCertSign | KeyUsage.cRLSign);
        assertThat(ski(certificate)).isEqualTo(sha1KeyId(certificate.getPublicKey()));
        assertThat(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNull();
        assertThat(certificate.getSigAlgOID()).isEqualTo(ED25519);
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOT_AFTER);
        assertThat(root.chain()).isEmpty();
        certificate.verify(certificate.getPublicKey(), BouncyCastle.PROVIDER);
    }

    @Test
    void memberCaIsCertifiedByTheRootWithNoRoomForSubCas() throws Exception {
        X509Certificate certificate = kazakhstan.certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Kazakhstan CA,OU=KZ,O=EWN");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isEqualTo(0);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(usages(certificate)).isEqualTo(KeyUsage.keyCertSign | KeyUsage.cRLSign);
        assertThat(aki(certificate)).isEqualTo(ski(root.certificate()));
        assertThat(ski(certificate)).isEqualTo(sha1KeyId(certificate.getPublicKey()));
        assertThat(certificate.getSigAlgOID()).isEqualTo(ED25519);
        assertThat(kazakhstan.chain()).containsExactly(root.certificate());
        certificate.verify(root.certificate().getPublicKey(), BouncyCastle.PROVIDER);
        assertThatThrownBy(() -> certificate.verify(certificate.getPublicKey(), BouncyCastle.PROVIDER))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void agencySigningKeyIsAnEndEntityForSignaturesOnly() throws Exception {
        IssuedKey agency = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, NOT_BEFORE, NOT_AFTER);
        X509Certificate certificate = agency.certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=KZ-MVD,OU=KZ,O=EWN");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(kazakhstan.certificate().getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(usages(certificate)).isEqualTo(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        assertThat(aki(certificate)).isEqualTo(ski(kazakhstan.certificate()));
        assertThat(KeyKind.of(certificate.getPublicKey())).isEqualTo(KeyKind.ED25519);
        assertThat(agency.chain()).containsExactly(kazakhstan.certificate(), root.certificate());
        certificate.verify(kazakhstan.certificate().getPublicKey(), BouncyCastle.PROVIDER);
        assertThat(signsAndVerifies("Ed25519", agency)).isTrue();
    }

    @Test
    void p256SigningKeyIsAnEcdsaKeyOnP256() throws Exception {
        IssuedKey agency = NetworkPki.signingKey(kazakhstan, "KZ-KNB", KeyKind.P256, NOT_BEFORE, NOT_AFTER);

        assertThat(KeyKind.of(agency.certificate().getPublicKey())).isEqualTo(KeyKind.P256);
        assertThat(((ECPublicKey) agency.certificate().getPublicKey()).getParams().getOrder().bitLength())
                .isEqualTo(256);
        assertThat(usages(agency.certificate())).isEqualTo(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        assertThat(agency.certificate().getSigAlgOID()).isEqualTo(ED25519);
        assertThat(signsAndVerifies("SHA256withECDSA", agency)).isTrue();
    }

    @Test
    void encryptionKeyIsAnX25519KeyForKeyAgreementOnly() throws Exception {
        IssuedKey agency = NetworkPki.encryptionKey(kazakhstan, "KZ-MVD", NOT_BEFORE, NOT_AFTER);
        X509Certificate certificate = agency.certificate();

        assertThat(KeyKind.of(certificate.getPublicKey())).isEqualTo(KeyKind.X25519);
        assertThat(usages(certificate)).isEqualTo(KeyUsage.keyAgreement);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(aki(certificate)).isEqualTo(ski(kazakhstan.certificate()));
        assertThat(ski(certificate)).isEqualTo(sha1KeyId(certificate.getPublicKey()));
        certificate.verify(kazakhstan.certificate().getPublicKey(), BouncyCastle.PROVIDER);

        var sender = KeyKind.X25519.generate();
        assertThat(agree(agency.privateKey(), sender.getPublic()))
                .isEqualTo(agree(sender.getPrivate(), certificate.getPublicKey()));
    }

    @Test
    void hubKeyIsIssuedByTheRootWithoutAMember() throws Exception {
        IssuedKey hub = NetworkPki.signingKey(root, "hub", KeyKind.ED25519, NOT_BEFORE, NOT_AFTER);

        assertThat(hub.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=hub,O=EWN");
        assertThat(aki(hub.certificate())).isEqualTo(ski(root.certificate()));
        assertThat(hub.chain()).containsExactly(root.certificate());
        assertThat(NetworkPki.member(hub.certificate())).isNull();
        hub.certificate().verify(root.certificate().getPublicKey(), BouncyCastle.PROVIDER);
    }

    @Test
    void memberAndHolderAreReadFromTheSubject() {
        IssuedKey agency = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, NOT_BEFORE, NOT_AFTER);

        assertThat(NetworkPki.member(agency.certificate())).isEqualTo("KZ");
        assertThat(NetworkPki.holder(agency.certificate())).isEqualTo("KZ-MVD");
        assertThat(NetworkPki.member(kazakhstan.certificate())).isEqualTo("KZ");
        assertThat(NetworkPki.holder(kazakhstan.certificate())).isEqualTo("Kazakhstan CA");
        assertThat(NetworkPki.member(root.certificate())).isNull();
        assertThat(NetworkPki.holder(root.certificate())).isEqualTo("EWN Root CA");
    }

    @Test
    void holderWithoutAMemberPrefixBelongsToItsIssuersMember() {
        IssuedKey operator = NetworkPki.signingKey(kazakhstan, "operator", KeyKind.ED25519, NOT_BEFORE, NOT_AFTER);

        assertThat(operator.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=operator,OU=KZ,O=EWN");
    }

    @Test
    void aMemberCaCannotCertifyAnotherMembersAgency() {
        assertThatThrownBy(() -> NetworkPki.signingKey(kazakhstan, "KG-MVD", KeyKind.ED25519, NOT_BEFORE, NOT_AFTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KG-MVD");
    }

    @Test
    void encryptionKeysCannotBeIssuedAsSigningKeys() {
        assertThatThrownBy(() -> NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.X25519, NOT_BEFORE, NOT_AFTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEd25519KeysSignCertificates() {
        IssuedKey p256 = NetworkPki.signingKey(kazakhstan, "KZ-KNB", KeyKind.P256, NOT_BEFORE, NOT_AFTER);

        assertThatThrownBy(() -> NetworkPki.signingKey(p256, "KZ-X", KeyKind.ED25519, NOT_BEFORE, NOT_AFTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519");
    }

    @Test
    void validityIsKeptInWholeSecondsAndMustNotBeEmpty() {
        IssuedKey agency = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519,
                NOT_BEFORE.plusMillis(999), NOT_AFTER.plusMillis(999));

        assertThat(agency.certificate().getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
        assertThat(agency.certificate().getNotAfter().toInstant()).isEqualTo(NOT_AFTER);
        assertThatThrownBy(() -> NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, NOT_AFTER, NOT_BEFORE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialsAreRandomPositiveAndAtMost127Bits() {
        BigInteger first = kazakhstan.certificate().getSerialNumber();
        BigInteger second = NetworkPki.memberCa(root, "KZ", "Kazakhstan", NOT_BEFORE, NOT_AFTER)
                .certificate().getSerialNumber();

        assertThat(first).isNotEqualTo(second);
        assertThat(List.of(first, second)).allSatisfy(serial -> {
            assertThat(serial.signum()).isEqualTo(1);
            assertThat(serial.bitLength()).isLessThanOrEqualTo(127);
        });
    }

    @Test
    void certificatesSurviveDerAndPem() {
        byte[] der = NetworkPki.der(kazakhstan.certificate());

        assertThat(NetworkPki.certificate(der)).isEqualTo(kazakhstan.certificate());
        assertThat(Pem.readCertificates(Pem.writeCertificates(List.of(kazakhstan.certificate(), root.certificate()))))
                .containsExactly(kazakhstan.certificate(), root.certificate());
        assertThat(Pem.writeCertificates(List.of(root.certificate()))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThatThrownBy(() -> NetworkPki.certificate(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyKindIsReadFromTheEncodingOfJdkKeysToo() throws Exception {
        assertThat(KeyKind.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()))
                .isEqualTo(KeyKind.ED25519);
        assertThat(KeyKind.of(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic()))
                .isEqualTo(KeyKind.X25519);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertThat(KeyKind.of(ec.generateKeyPair().getPublic())).isEqualTo(KeyKind.P256);
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        PublicKey p384 = ec.generateKeyPair().getPublic();
        assertThatThrownBy(() -> KeyKind.of(p384)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyKind.ED25519.signs()).isTrue();
        assertThat(KeyKind.P256.signs()).isTrue();
        assertThat(KeyKind.X25519.signs()).isFalse();
    }

    @Test
    void keyIdIsTheSha256OfTheSubjectPublicKeyInfo() throws Exception {
        // RFC 8032, section 7.1, test 1; the expected value is computed independently of this code
        byte[] info = HexFormat.of().parseHex("302a300506032b6570032100"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(info));
        PublicKey bcKey = KeyFactory.getInstance("Ed25519", BouncyCastle.PROVIDER)
                .generatePublic(new X509EncodedKeySpec(info));

        assertThat(KeyIds.of(jdkKey)).isEqualTo("BuP9j9opu2CrWVV95h7bCuzbIxE0vjDnW0Vfjht5L6k");
        assertThat(KeyIds.of(bcKey)).isEqualTo(KeyIds.of(jdkKey));
    }

    @Test
    void issueBuildsWhatItIsAskedEvenIfItMakesNoSense() throws Exception {
        IssuedKey odd = NetworkPki.issue(kazakhstan, new X500Name("CN=odd"), KeyKind.ED25519.generate(), false, null,
                KeyUsage.keyCertSign, NOT_BEFORE, NOT_AFTER);

        assertThat(odd.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(usages(odd.certificate())).isEqualTo(KeyUsage.keyCertSign);
        assertThat(odd.chain()).containsExactly(kazakhstan.certificate(), root.certificate());
    }

    /** The key usage bits set, as one int of {@link KeyUsage} constants. */
    private static int usages(X509Certificate certificate) throws Exception {
        KeyUsage usage = KeyUsage.fromExtensions(holder(certificate).getExtensions());
        int bits = 0;
        for (int bit : new int[] {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
                KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign,
                KeyUsage.encipherOnly, KeyUsage.decipherOnly}) {
            if (usage.hasUsages(bit)) {
                bits |= bit;
            }
        }
        return bits;
    }

    private static byte[] ski(X509Certificate certificate) throws Exception {
        return SubjectKeyIdentifier.fromExtensions(holder(certificate).getExtensions()).getKeyIdentifier();
    }

    private static byte[] aki(X509Certificate certificate) throws Exception {
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(holder(certificate).getExtensions());
        assertThat(aki.getAuthorityCertIssuer()).isNull();
        return aki.getKeyIdentifierObject().getOctets();
    }

    /** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING, computed here without BC's helper. */
    private static byte[] sha1KeyId(PublicKey key) throws Exception {
        byte[] bits = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getPublicKeyData().getBytes();
        return java.security.MessageDigest.getInstance("SHA-1").digest(bits);
    }

    private static X509CertificateHolder holder(X509Certificate certificate) throws Exception {
        return new JcaX509CertificateHolder(certificate);
    }

    private static boolean signsAndVerifies(String algorithm, IssuedKey key) throws Exception {
        byte[] message = "alert".getBytes();
        Signature signer = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
        signer.initSign(key.privateKey());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
        verifier.initVerify(key.certificate().getPublicKey());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static byte[] agree(java.security.PrivateKey mine, PublicKey theirs) throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", BouncyCastle.PROVIDER);
        agreement.init(mine);
        agreement.doPhase(theirs, true);
        return agreement.generateSecret();
    }
}
