package org.ewn.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs submissions as the network expects them: a JWS (typ {@value #TYPE}) over the RFC 8785 canonical JSON of
 * {@code type, network, submissionId, agency, issuedAt, body}, with the key's id as {@code kid} and the agency taken
 * from the signing certificate.
 */
public final class SubmissionSigner {

    public static final String TYPE = "ewn-submission+jws";
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final IssuedKey key;
    private final String keyId;
    private final String agency;
    private final String network;

    public SubmissionSigner(IssuedKey key, String network) {
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = KeyIds.of(key.certificate().getPublicKey());
        this.agency = NetworkPki.holder(key.certificate());
        this.network = Objects.requireNonNull(network, "network");
    }

    public String agency() {
        return agency;
    }

    public String keyId() {
        return keyId;
    }

    /** Signs a new submission: a random id, issued now. */
    public String sign(String type, Object body) {
        return sign(type, UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS), body);
    }

    public String sign(String type, UUID submissionId, Instant issuedAt, Object body) {
        return SignedEnvelope.sign(payload(type, submissionId, issuedAt, body), keyId, TYPE, key.privateKey());
    }

    /** The canonical bytes that get signed. */
    public byte[] payload(String type, UUID submissionId, Instant issuedAt, Object body) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", type);
        content.put("network", network);
        content.put("submissionId", submissionId.toString());
        content.put("agency", agency);
        content.put("issuedAt", issuedAt.toString());
        content.put("body", body);
        try {
            return CanonicalJson.canonicalize(JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body cannot be written as JSON", e);
        }
    }
}
