package org.ewn.trust;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of a signed submission in the README is what the network's own signer makes, byte for byte,
 * with the Ed25519 key of RFC 8037 Appendix A.1, so an agency can check its own implementation against it.
 */
class EnvelopeExampleTest {

    private static final String RFC_8037_PRIVATE_KEY = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

    @Test
    void theReadmesWorkedExampleIsWhatTheNetworkSigns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        byte[] d = Base64.getUrlDecoder().decode(RFC_8037_PRIVATE_KEY);
        AlgorithmIdentifier ed25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
        KeyFactory keys = KeyFactory.getInstance("Ed25519", BouncyCastle.PROVIDER);
        PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(
                new PrivateKeyInfo(ed25519, new DEROctetString(d)).getEncoded()));
        PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(new SubjectPublicKeyInfo(ed25519,
                new Ed25519PrivateKeyParameters(d, 0).generatePublicKey().getEncoded()).getEncoded()));

        Map<String, Object> body = Map.of("addressees", List.of("UZ", "TJ"), "precedence", "FLASH",
                "category", "MISSING_OR_AT_RISK_CHILD", "title", "Child reported missing near the border",
                "text", "Last seen at the crossing this morning");
        IssuedKey key = new IssuedKey(privateKey, certificateNaming("KZ-DEMO", publicKey, privateKey), List.of());
        SubmissionSigner signer = new SubmissionSigner(key, "EWN");
        UUID id = UUID.fromString("3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11");
        Instant issuedAt = Instant.parse("2026-11-26T09:30:00Z");
        String payload = new String(signer.payload("alert.raise", id, issuedAt, body), StandardCharsets.UTF_8);
        String envelope = signer.sign("alert.raise", id, issuedAt, body);

        assertThat(readme).contains(KeyIds.of(publicKey)).contains(payload).contains(envelope)
                          .contains("{\"alg\":\"EdDSA\",\"kid\":\"" + KeyIds.of(publicKey)
                                    + "\",\"typ\":\"ewn-submission+jws\"}");
        assertThat(SignedEnvelope.parse(envelope).verify(publicKey)).isTrue();
    }

    /** A certificate for the RFC key, issued by a throwaway CA: the signer takes the agency from its CN. */
    private static java.security.cert.X509Certificate certificateNaming(String agency, PublicKey publicKey,
                                                                       PrivateKey privateKey) {
        IssuedKey ca = NetworkPki.memberCa(NetworkPki.root("EWN", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z")), "KZ", "Kazakhstan", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"));
        return NetworkPki.issue(ca, new org.bouncycastle.asn1.x500.X500Name("O=EWN,OU=KZ,CN=" + agency),
                new java.security.KeyPair(publicKey, privateKey), false, null,
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z")).certificate();
    }
}
