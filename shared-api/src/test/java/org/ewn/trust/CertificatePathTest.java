package org.ewn.trust;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ewn.trust.CertificatePath.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CertificatePathTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2035-01-01T00:00:00Z");
    private static final Instant SIGNED_AT = Instant.parse("2026-06-01T12:00:00Z");
    private static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;

    private final IssuedKey root = NetworkPki.root("EWN", START, END);
    private final IssuedKey kazakhstan = NetworkPki.memberCa(root, "KZ", "Kazakhstan", START, END);
    private final IssuedKey kyrgyzstan = NetworkPki.memberCa(root, "KG", "Kyrgyzstan", START, END);
    private final IssuedKey police = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, START, END);

    @Test
    void acceptsAnEd25519SigningKeyOfAMemberAgency() {
        assertDoesNotThrow(() -> check(police, Purpose.SIGNING));
    }

    @Test
    void acceptsAP256SigningKey() {
        IssuedKey p256 = NetworkPki.signingKey(kazakhstan, "KZ-KNB", KeyKind.P256, START, END);

        assertDoesNotThrow(() -> check(p256, Purpose.SIGNING));
    }

    @Test
    void acceptsAnX25519EncryptionKey() {
        IssuedKey encryption = NetworkPki.encryptionKey(kazakhstan, "KZ-MVD", START, END);

        assertDoesNotThrow(() -> check(encryption, Purpose.ENCRYPTION));
    }

    @Test
    void acceptsAMemberCaAsCa() {
        assertDoesNotThrow(() -> check(kazakhstan, Purpose.CA));
    }

    @Test
    void acceptsTheHubKeyIssuedByTheRootDirectly() {
        IssuedKey hub = NetworkPki.signingKey(root, "hub", KeyKind.ED25519, START, END);

        assertDoesNotThrow(() -> check(hub, Purpose.SIGNING));
    }

    @Test
    void refusesACertificatePresentedWithAnotherMembersCa() {
        IssuedKey kyrgyzPolice = NetworkPki.signingKey(kyrgyzstan, "KG-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> CertificatePath.check(kyrgyzPolice.certificate(),
                List.of(kazakhstan.certificate()), root.certificate(), SIGNED_AT, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("CN=KG-MVD,OU=KG,O=EWN")
                .hasMessageContaining("was issued by CN=Kyrgyzstan CA,OU=KG,O=EWN");
    }

    @Test
    void refusesACertificateFromAnotherKeyUnderTheRightIssuerName() {
        X500Name kazakhName = X500Name.getInstance(kazakhstan.certificate().getSubjectX500Principal().getEncoded());
        IssuedKey impostor = NetworkPki.issue(null, kazakhName, KeyKind.ED25519.generate(), true, 0, CA_USAGE,
                START, END);
        IssuedKey forged = NetworkPki.signingKey(impostor, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> CertificatePath.check(forged.certificate(),
                List.of(kazakhstan.certificate()), root.certificate(), SIGNED_AT, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("not signed by its key");
    }

    @Test
    void refusesAPathEndingAtAnotherNetworksRoot() {
        IssuedKey otherRoot = NetworkPki.root("OTHER", START, END);
        IssuedKey otherCa = NetworkPki.memberCa(otherRoot, "KZ", "Kazakhstan", START, END);
        IssuedKey outsider = NetworkPki.signingKey(otherCa, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> CertificatePath.check(outsider.certificate(),
                List.of(otherCa.certificate()), root.certificate(), SIGNED_AT, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("the path ends at the network root CN=EWN Root CA,O=EWN");
    }

    @Test
    void refusesAPathEndingAtAnotherRootOfTheSameName() {
        IssuedKey twin = NetworkPki.root("EWN", START, END);
        IssuedKey twinCa = NetworkPki.memberCa(twin, "KZ", "Kazakhstan", START, END);
        IssuedKey outsider = NetworkPki.signingKey(twinCa, "KZ-MVD", KeyKind.ED25519, START, END);

        assertThat(failureOf(outsider, Purpose.SIGNING, SIGNED_AT, root)).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void refusesAnExpiredCertificateSayingWhatToDo() {
        IssuedKey expired = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, START,
                Instant.parse("2026-01-01T00:00:00Z"));

        TrustException refusal = refused(() -> check(expired, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.EXPIRED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("certificate CN=KZ-MVD,OU=KZ,O=EWN expired at 2026-01-01T00:00:00Z")
                .hasMessageContaining("valid from 2025-01-01T00:00:00Z")
                .hasMessageContaining("the time checked is 2026-06-01T12:00:00Z")
                .hasMessageContaining("enrol a new key");
    }

    @Test
    void refusesACertificateOfAnExpiredMemberCa() {
        IssuedKey expiredCa = NetworkPki.memberCa(root, "KZ", "Kazakhstan", START, Instant.parse("2026-01-01T00:00:00Z"));
        IssuedKey agency = NetworkPki.signingKey(expiredCa, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> check(agency, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.EXPIRED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("issuing CA certificate CN=Kazakhstan CA,OU=KZ,O=EWN expired at");
    }

    @Test
    void refusesACertificateNotYetValid() {
        IssuedKey early = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519,
                Instant.parse("2027-01-01T00:00:00Z"), END);

        TrustException refusal = refused(() -> check(early, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.EXPIRED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("not yet valid").hasMessageContaining("2027-01-01T00:00:00Z");
    }

    @Test
    void aCertificateIsValidAtItsNotAfterInstantAndExpiredOneSecondLater() {
        Instant notAfter = Instant.parse("2026-06-01T12:00:00Z");
        IssuedKey agency = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, START, notAfter);

        assertThat(failureOf(agency, Purpose.SIGNING, notAfter, root)).isNull();
        assertThat(failureOf(agency, Purpose.SIGNING, notAfter.plusSeconds(1), root))
                .isEqualTo(TrustFailure.EXPIRED_CERTIFICATE);
    }

    @Test
    void aCertificateIsValidFromItsNotBeforeInstant() {
        Instant notBefore = Instant.parse("2026-06-01T12:00:00Z");
        IssuedKey agency = NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, notBefore, END);

        assertThat(failureOf(agency, Purpose.SIGNING, notBefore, root)).isNull();
        assertThat(failureOf(agency, Purpose.SIGNING, notBefore.minusSeconds(1), root))
                .isEqualTo(TrustFailure.EXPIRED_CERTIFICATE);
    }

    @Test
    void refusesAnEncryptionCertificateForSigning() {
        IssuedKey encryption = NetworkPki.encryptionKey(kazakhstan, "KZ-MVD", START, END);

        assertThat(failureOf(encryption, Purpose.SIGNING, SIGNED_AT, root)).isEqualTo(TrustFailure.WRONG_KEY_USAGE);
    }

    @Test
    void refusesASigningCertificateForEncryption() {
        assertThat(failureOf(police, Purpose.ENCRYPTION, SIGNED_AT, root)).isEqualTo(TrustFailure.WRONG_KEY_USAGE);
    }

    @Test
    void refusesACaCertificateForSigningAndAnAgencyCertificateAsCa() {
        IssuedKey signingCa = NetworkPki.issue(root, name("KZ", "Kazakhstan CA"), KeyKind.ED25519.generate(), true, 0,
                CA_USAGE | KeyUsage.digitalSignature, START, END);

        assertThat(failureOf(signingCa, Purpose.SIGNING, SIGNED_AT, root)).isEqualTo(TrustFailure.WRONG_KEY_USAGE);
        assertThat(failureOf(police, Purpose.CA, SIGNED_AT, root)).isEqualTo(TrustFailure.WRONG_KEY_USAGE);
    }

    @Test
    void refusesAnX25519KeyCertifiedForSigning() {
        IssuedKey mislabelled = NetworkPki.issue(kazakhstan, name("KZ", "KZ-MVD"), KeyKind.X25519.generate(), false,
                null, KeyUsage.digitalSignature, START, END);

        assertThat(failureOf(mislabelled, Purpose.SIGNING, SIGNED_AT, root)).isEqualTo(TrustFailure.WRONG_KEY_USAGE);
    }

    @Test
    void refusesAPathLongerThanTheMemberCaAllows() {
        IssuedKey subCa = NetworkPki.issue(kazakhstan, name("KZ", "Kazakhstan Sub CA"), KeyKind.ED25519.generate(),
                true, null, CA_USAGE, START, END);
        IssuedKey agency = NetworkPki.signingKey(subCa, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> check(agency, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("too long")
                .hasMessageContaining("CN=Kazakhstan CA,OU=KZ,O=EWN allows 0");
    }

    @Test
    void refusesMoreCaLevelsThanTheRootAllowsEvenThoughPkixDoesNot() {
        // Bouncy Castle's PKIX validator does not apply the trust anchor's own path length
        IssuedKey first = NetworkPki.issue(root, name("KZ", "Kazakhstan CA"), KeyKind.ED25519.generate(), true, null,
                CA_USAGE, START, END);
        IssuedKey second = NetworkPki.issue(first, name("KZ", "Kazakhstan Sub CA"), KeyKind.ED25519.generate(), true,
                null, CA_USAGE, START, END);
        IssuedKey agency = NetworkPki.signingKey(second, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> check(agency, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("network root certificate CN=EWN Root CA,O=EWN allows 1");
    }

    @Test
    void refusesAnIntermediateThatIsNotACa() {
        IssuedKey notCa = NetworkPki.issue(kazakhstan, name("KZ", "KZ-MVD"), KeyKind.ED25519.generate(), false, null,
                KeyUsage.digitalSignature | KeyUsage.keyCertSign, START, END);
        IssuedKey agency = NetworkPki.signingKey(notCa, "KZ-KNB", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> check(agency, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("CN=KZ-MVD,OU=KZ,O=EWN is not a CA");
    }

    @Test
    void refusesACaWithoutKeyCertSign() {
        IssuedKey crlOnly = NetworkPki.issue(root, name("KZ", "Kazakhstan CA"), KeyKind.ED25519.generate(), true, 0,
                KeyUsage.cRLSign, START, END);
        IssuedKey agency = NetworkPki.signingKey(crlOnly, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> check(agency, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.WRONG_KEY_USAGE);
        assertThat(refusal).hasMessageContaining("lacks keyCertSign");
    }

    @Test
    void refusesWhatPkixRefusesBeyondTheseRules() throws Exception {
        KeyPair keys = KeyKind.ED25519.generate();
        X509Certificate withUnknownCriticalExtension = new JcaX509CertificateConverter()
                .setProvider(BouncyCastle.PROVIDER)
                .getCertificate(new JcaX509v3CertificateBuilder(kazakhstan.certificate(), BigInteger.TEN,
                        Date.from(START), Date.from(END), name("KZ", "KZ-MVD"), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, new DERUTF8String("?"))
                        .build(new JcaContentSignerBuilder("Ed25519").setProvider(BouncyCastle.PROVIDER)
                                .build(kazakhstan.privateKey())));
        IssuedKey agency = new IssuedKey(keys.getPrivate(), withUnknownCriticalExtension, police.chain());

        TrustException refusal = refused(() -> check(agency, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.UNTRUSTED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("PKIX");
    }

    @Test
    void refusesAnyPathUnderAnExpiredRoot() {
        IssuedKey oldRoot = NetworkPki.root("EWN", START, Instant.parse("2026-01-01T00:00:00Z"));
        IssuedKey ca = NetworkPki.memberCa(oldRoot, "KZ", "Kazakhstan", START, END);
        IssuedKey agency = NetworkPki.signingKey(ca, "KZ-MVD", KeyKind.ED25519, START, END);

        TrustException refusal = refused(() -> CertificatePath.check(agency.certificate(), List.of(ca.certificate()),
                oldRoot.certificate(), SIGNED_AT, Purpose.SIGNING));

        assertThat(refusal.failure()).isEqualTo(TrustFailure.EXPIRED_CERTIFICATE);
        assertThat(refusal).hasMessageContaining("network root certificate CN=EWN Root CA,O=EWN expired");
    }

    @Test
    void rebuildsAChainFromLooseCertificatesByNameAndSignature() {
        IssuedKey twinCa = NetworkPki.memberCa(NetworkPki.root("EWN", START, END), "KZ", "Kazakhstan", START, END);

        assertThat(CertificatePath.chainOf(police.certificate(), List.of(root.certificate(), twinCa.certificate(),
                kyrgyzstan.certificate(), kazakhstan.certificate())))
                .containsExactly(kazakhstan.certificate(), root.certificate());
        assertThat(CertificatePath.chainOf(root.certificate(), List.of(root.certificate()))).isEmpty();
    }

    private void check(IssuedKey key, Purpose purpose) {
        check(key, purpose, SIGNED_AT, root);
    }

    private static void check(IssuedKey key, Purpose purpose, Instant at, IssuedKey trustedRoot) {
        List<X509Certificate> issuers = key.chain().subList(0, Math.max(0, key.chain().size() - 1));
        CertificatePath.check(key.certificate(), issuers, trustedRoot.certificate(), at, purpose);
    }

    private static TrustFailure failureOf(IssuedKey key, Purpose purpose, Instant at, IssuedKey trustedRoot) {
        try {
            check(key, purpose, at, trustedRoot);
            return null;
        } catch (TrustException e) {
            return e.failure();
        }
    }

    private static TrustException refused(Executable check) {
        return assertThrows(TrustException.class, check);
    }

    /** Encoded O, OU, CN as NetworkPki does; BC's {@code new X500Name("CN=…")} would encode CN first. */
    private static X500Name name(String member, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "EWN").addRDN(BCStyle.OU, member)
                .addRDN(BCStyle.CN, commonName).build();
    }
}
