package org.ewn.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.api.subject.PersonalData;
import org.ewn.api.subject.ProtectedData;
import org.ewn.protect.SubjectCipher;
import org.ewn.seal.SealRecipient;
import org.ewn.seal.SealedContent;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SubmissionSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * The network as agencies' systems use it beside the browser: alerts, referrals and case transfers signed with the
 * demo keys, inboxes and cases read with the demo accounts, and the demo agencies' signing and encryption keys as the
 * PEM files the console loads.
 */
final class Hub {

    /** As in NetworkIT, so that every IT shares one application context. */
    static final String DEMO_PASSWORD = "demo-password-for-tests";
    static final Path DATA = Path.of("target/it-data/network");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Hub(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private static IssuedKey signingKey(String agency) {
        return key(agency, "signing");
    }

    /** The agency's "signing" or "encryption" key from its demo keystore. */
    private static IssuedKey key(String agency, String alias) {
        try {
            return KeyStores.load(DATA.resolve("demo-pki").resolve(agency + ".p12"), DEMO_PASSWORD.toCharArray())
                             .get(alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agency's signing key as the PKCS#8 PEM file the demo network writes for the console. */
    static Path signingKeyPem(String agency) {
        Path pem = DATA.resolve("demo-pki").resolve(agency + "-signing-key.pem").toAbsolutePath();
        if (!Files.exists(pem)) {
            throw new IllegalStateException("the demo network wrote no " + pem);
        }
        return pem;
    }

    /** The agency's X25519 encryption key as the PKCS#8 PEM file the demo network writes for the console. */
    static Path encryptionKeyPem(String agency) {
        Path pem = DATA.resolve("demo-pki").resolve(agency + "-encryption-key.pem").toAbsolutePath();
        if (!Files.exists(pem)) {
            throw new IllegalStateException("the demo network wrote no " + pem);
        }
        return pem;
    }

    static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
               + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
               + "\n-----END PRIVATE KEY-----\n";
    }

    /** Raises a FLASH alert as the agency; the hub's answer, which names the alert. */
    JsonNode raise(String agency, List<String> addressees, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("addressees", addressees);
        body.put("precedence", "FLASH");
        body.put("category", "MISSING_OR_AT_RISK_CHILD");
        body.put("title", title);
        body.put("text", "Seen near the border crossing");
        String envelope = new SubmissionSigner(signingKey(agency), "EWN").sign("alert.raise", UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), body);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("Content-Type", "application/jose").POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /**
     * Raises a ROUTINE alert about one person: the personal data encrypted under a fresh subject key, the key sent
     * beside the signed submission as application/ewn-submission+json.
     */
    JsonNode raiseAbout(String agency, List<String> addressees, String title, PersonalData person) {
        UUID subject = UUID.randomUUID();
        SecretKey key = SubjectCipher.newKey();
        String keyId = SubjectCipher.newKeyId();
        ProtectedData data = SubjectCipher.encrypt(subject, keyId, key, person);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("addressees", addressees);
        body.put("precedence", "ROUTINE");
        body.put("category", "MISSING_OR_AT_RISK_CHILD");
        body.put("title", title);
        body.put("text", "To be met at the border");
        body.put("subjects", List.of(Map.of("subject", subject.toString(), "keyId", keyId, "iv", data.iv(),
                "ciphertext", data.ciphertext())));
        return postKeyed("/api/v1/alerts", sign(agency, "alert.raise", body), keyId, key);
    }

    /**
     * Refers a person from one agency to another, as the client's {@code referral submit} does: the person's data
     * encrypted under a fresh subject key sent beside the signature, on the person's own consent, for a year.
     */
    JsonNode refer(String from, String to, String summary, PersonalData person) {
        UUID subject = UUID.randomUUID();
        SecretKey key = SubjectCipher.newKey();
        String keyId = SubjectCipher.newKeyId();
        ProtectedData data = SubjectCipher.encrypt(subject, keyId, key, person);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receivingAgency", to);
        body.put("services", List.of("PSYCHOSOCIAL", "EDUCATION"));
        body.put("urgency", "URGENT");
        body.put("summary", summary);
        body.put("consent", Map.of("consentedBy", "SUBJECT", "purpose", "reintegration", "recipientKinds",
                List.of("SOCIAL_SERVICE"), "validUntil", Instant.now().plus(365, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS).toString()));
        body.put("subject", Map.of("subject", subject.toString(), "keyId", keyId, "iv", data.iv(),
                "ciphertext", data.ciphertext()));
        return postKeyed("/api/v1/referrals", sign(from, "referral.submit", body), keyId, key);
    }

    /** Asks another member's agency to take over a case, its summary sealed to the two agencies' encryption keys. */
    JsonNode requestTransfer(String from, String to, String summary) {
        List<SealRecipient> recipients = new ArrayList<>();
        for (String agency : List.of(from, to)) {
            recipients.add(SealRecipient.of(key(agency, "encryption").certificate()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiver", to);
        body.put("sealedSummary", JSON.convertValue(SealedContent.seal(summary.getBytes(StandardCharsets.UTF_8),
                recipients).toJsonNode(), Map.class));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/transfers"))
                .header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(sign(from, "transfer.request", body))).build());
        return created(response);
    }

    private static String sign(String agency, String type, Map<String, Object> body) {
        return new SubmissionSigner(signingKey(agency), "EWN").sign(type, UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), body);
    }

    /** Posts a signed submission with the subject key beside it, as application/ewn-submission+json. */
    private JsonNode postKeyed(String path, String envelope, String keyId, SecretKey key) {
        String keyed;
        try {
            keyed = JSON.writeValueAsString(Map.of("submission", envelope, "subjectKeys", Map.of(keyId,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/ewn-submission+json")
                .POST(HttpRequest.BodyPublishers.ofString(keyed)).build()));
    }

    private static JsonNode created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** GET as a demo account; null on 404. */
    JsonNode get(String path, String username) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
