package org.ewn.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.ewn.trust.BouncyCastle;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.KeyIds;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.SubmissionSigner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worked example for every kind of signed submission, as the API description shows it: a plausible body, wrapped and
 * signed exactly as the network expects, with the Ed25519 key of RFC 8037 Appendix A.1 (so anyone can check the
 * signature; the hub itself would refuse the key, which no member enrolled). Keyed by the endpoint's path template.
 */
final class SubmissionExamples {

    private static final String RFC_8037_PRIVATE_KEY = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String ISSUED_AT = "2026-11-26T09:30:00Z";
    private static final String ALERT = "3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11";
    private static final String REFERRAL = "8a1d5c2e-3b4f-4a6e-9c7d-1e2f3a4b5c6d";
    private static final String TRANSFER = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final String SUBJECT = "0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String CERTIFICATE = "<base64 DER of the X.509 certificate>";
    private static final Map<String, Object> SEALED = Map.of(
            "protected", "eyJjdHkiOiJld24tc2VhbGVkIiwiZW5jIjoiQTI1NkdDTSJ9",
            "recipients", java.util.List.of(Map.of("header", Map.of("alg", "ECDH-ES+A256KW",
                    "kid", "<key id of a recipient agency's X25519 key>",
                    "epk", Map.of("kty", "OKP", "crv", "X25519", "x", "<ephemeral public key>")),
                    "encrypted_key", "<wrapped content key>")),
            "iv", "<12 bytes>", "ciphertext", "<the sealed text>", "tag", "<16 bytes>");
    private static final Map<String, Object> PERSON = Map.of("subject", SUBJECT,
            "keyId", "q3Vn8kZxT2mR5yLw", "iv", "AAECAwQFBgcICQoL",
            "ciphertext", "<AES-256-GCM of the person's data, then its tag, base64url>");

    /** Path template → (type, agency, body). */
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("/api/v1/network", "network.found", "EWN-ADMIN", Map.of("name", "Early-Warning Network",
                "rootCertificate", CERTIFICATE, "administratorCertificate", CERTIFICATE));
        add("/api/v1/members", "member.admit", "EWN-ADMIN", Map.of("member", "KG", "name", "Kyrgyzstan",
                "kind", "STATE", "caCertificate", CERTIFICATE));
        add("/api/v1/members/{member}/suspension", "member.suspend", "EWN-ADMIN",
                Map.of("member", "KG", "reason", "Decision of the council of 2026-11-20"));
        add("/api/v1/members/{member}/reinstatement", "member.reinstate", "EWN-ADMIN", Map.of("member", "KG"));
        add("/api/v1/agencies", "agency.register", "EWN-ADMIN",
                Map.of("agency", "KG-GKNB", "name", "State Committee for National Security", "administrator", false));
        add("/api/v1/agencies/{agency}/keys", "key.enrol", "EWN-ADMIN",
                Map.of("agency", "KG-GKNB", "certificate", CERTIFICATE));
        add("/api/v1/agencies/{agency}/keys/{keyId}/revocation", "key.revoke", "KG-GKNB", Map.of("agency", "KG-GKNB",
                "keyId", "BuP9j9opu2CrWVV95h7bCuzbIxE0vjDnW0Vfjht5L6k", "reason", "Laptop lost",
                "compromisedFrom", "2026-11-25T18:00:00Z"));
        add("/api/v1/agencies/{agency}/callback", "agency.callback", "KZ-DEMO",
                Map.of("agency", "KZ-DEMO", "url", "https://kz-agency.example/ewn/notifications"));
        add("/api/v1/groups", "group.define", "EWN-ADMIN", Map.of("group", "CENTRAL-ASIA", "name", "Central Asia",
                "members", java.util.List.of("KZ", "KG", "TJ", "TM", "UZ")));
        add("/api/v1/groups/{group}/dissolution", "group.dissolve", "EWN-ADMIN", Map.of("group", "CENTRAL-ASIA"));
        add("/api/v1/alerts", "alert.raise", "KZ-DEMO", Map.of("addressees", java.util.List.of("UZ", "TJ"),
                "precedence", "FLASH", "category", "MISSING_OR_AT_RISK_CHILD",
                "title", "Child reported missing near the border", "text", "Last seen at the crossing this morning"));
        add("/api/v1/alerts/{alertId}/acknowledgements", "alert.acknowledge", "UZ-DEMO", Map.of("alertId", ALERT));
        add("/api/v1/alerts/{alertId}/withdrawal", "alert.withdraw", "KZ-DEMO",
                Map.of("alertId", ALERT, "reason", "The child was found safe"));
        add("/api/v1/alerts/{alertId}/follow-ups", "alert.follow-up", "KZ-DEMO",
                Map.of("alertId", ALERT, "text", "Seen again at the bus station at noon"));
        add("/api/v1/alerts/{alertId}/sharing-requests", "alert.sharing-request", "UZ-DEMO", Map.of("alertId", ALERT,
                "recipients", "The regional child-protection service", "purpose", "To search the shelters"));
        add("/api/v1/alerts/{alertId}/sharing-requests/{requestId}/decision", "alert.sharing-decision", "KZ-DEMO",
                Map.of("alertId", ALERT, "requestId", "7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "granted", true,
                        "reason", "For the search only"));
        add("/api/v1/subjects/{subject}/erasure", "subject.erase", "EWN-ADMIN",
                Map.of("subject", SUBJECT, "legalBasis", "GDPR Art. 17(1)(a), request ref. 2026-118"));
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("consentedBy", "GUARDIAN");
        consent.put("purpose", "Psychosocial support and schooling after return");
        consent.put("recipientKinds", java.util.List.of("SOCIAL_SERVICE", "EDUCATION_PROVIDER"));
        consent.put("validUntil", "2027-11-26T00:00:00Z");
        consent.put("child", true);
        consent.put("guardianConsent", true);
        consent.put("bestInterestsNote", "Stays with her mother; school and counselling close to home");
        add("/api/v1/referrals", "referral.submit", "KZ-DEMO", Map.of("receivingAgency", "UZ-DEMO",
                "services", java.util.List.of("PSYCHOSOCIAL", "EDUCATION"), "urgency", "URGENT", "consent", consent,
                "summary", "Returned in October; needs a school place and counselling", "subject", PERSON));
        add("/api/v1/referrals/{referralId}/acceptance", "referral.accept", "UZ-DEMO", Map.of("referralId", REFERRAL));
        add("/api/v1/referrals/{referralId}/decline", "referral.decline", "UZ-DEMO",
                Map.of("referralId", REFERRAL, "reason", "No school place in the district before March"));
        add("/api/v1/referrals/{referralId}/progress", "referral.progress", "UZ-DEMO", Map.of("referralId", REFERRAL));
        add("/api/v1/referrals/{referralId}/closure", "referral.close", "UZ-DEMO", Map.of("referralId", REFERRAL,
                "outcome", "SERVICE_DELIVERED", "reason", "Enrolled in school; weekly sessions for three months"));
        add("/api/v1/referrals/{referralId}/revocation", "referral.revoke", "KZ-DEMO",
                Map.of("referralId", REFERRAL, "reason", "The family moved back"));
        add("/api/v1/referrals/{referralId}/consent-withdrawal", "referral.consent-withdrawal", "KZ-DEMO",
                Map.of("referralId", REFERRAL, "reason", "The guardian withdrew consent on 2026-12-01"));
        add("/api/v1/transfers", "transfer.request", "KZ-DEMO", Map.of("receiver", "KG-DEMO", "sealedSummary", SEALED));
        add("/api/v1/transfers/requests", "transfer.ask", "KG-DEMO", Map.of("holder", "KZ-DEMO", "sealedSummary", SEALED));
        add("/api/v1/transfers/{transferId}/acceptance", "transfer.accept", "KG-DEMO", Map.of("transferId", TRANSFER));
        add("/api/v1/transfers/{transferId}/rejection", "transfer.reject", "KG-DEMO",
                Map.of("transferId", TRANSFER, "reason", "The family lives in Kazakhstan"));
        add("/api/v1/transfers/{transferId}/grant", "transfer.grant", "KZ-DEMO", Map.of("transferId", TRANSFER));
        add("/api/v1/transfers/{transferId}/refusal", "transfer.refuse", "KZ-DEMO",
                Map.of("transferId", TRANSFER, "reason", "Proceedings are still open here"));
    }

    private SubmissionExamples() {
    }

    private static void add(String path, String type, String agency, Map<String, Object> body) {
        ENTRIES.put(normalised(path), new Entry(type, agency, body));
    }

    /** The path with its variables' names left out, so that a controller may name them as it likes. */
    static String normalised(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    /** The example for the endpoint, or null if it takes no signed submission. */
    static Example of(String path) {
        Entry entry = ENTRIES.get(normalised(path));
        return entry == null ? null : entry.example();
    }

    static int size() {
        return ENTRIES.size();
    }

    /** @param payload the canonical JSON that {@code envelope} signs */
    record Example(String type, String envelope, String payload) {
    }

    private record Entry(String type, String agency, Map<String, Object> body) {

        Example example() {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("type", type);
            content.put("network", "EWN");
            content.put("submissionId", "3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11");
            content.put("agency", agency);
            content.put("issuedAt", ISSUED_AT);
            content.put("body", body);
            try {
                byte[] payload = CanonicalJson.canonicalize(new ObjectMapper().writeValueAsBytes(content));
                String envelope = SignedEnvelope.sign(payload, KeyIds.of(Rfc8037.PUBLIC), SubmissionSigner.TYPE,
                        Rfc8037.PRIVATE);
                return new Example(type, envelope, new String(payload, StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The Ed25519 key pair of RFC 8037 Appendix A.1. */
    private static final class Rfc8037 {

        static final PrivateKey PRIVATE;
        static final PublicKey PUBLIC;

        static {
            byte[] d = Base64.getUrlDecoder().decode(RFC_8037_PRIVATE_KEY);
            AlgorithmIdentifier ed25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
            try {
                KeyFactory keys = KeyFactory.getInstance("Ed25519", BouncyCastle.PROVIDER);
                PRIVATE = keys.generatePrivate(new PKCS8EncodedKeySpec(
                        new PrivateKeyInfo(ed25519, new DEROctetString(d)).getEncoded()));
                PUBLIC = keys.generatePublic(new X509EncodedKeySpec(new SubjectPublicKeyInfo(ed25519,
                        new Ed25519PrivateKeyParameters(d, 0).generatePublicKey().getEncoded()).getEncoded()));
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
