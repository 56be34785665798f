package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.KeyIds;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.TrustException;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Checks the hub's signed receipt: signed by the hub's key, typed {@value #HEADER_TYPE}, canonical, and, when the
 * submission is known, for that very submission and content. With the network's root, the hub's certificate must
 * also chain to it; without, the receipt is only as trustworthy as the hub certificate given.
 */
final class Receipts {

    static final String HEADER_TYPE = "ewn-receipt+jws";

    private Receipts() {
    }

    /** What a verified receipt says. */
    record Receipt(long globalIndex, String submissionId, String contentHash, String eventHash, Instant receivedAt,
                   String payload) {
    }

    /**
     * @param hubChain the hub's certificate first, then its issuers as the hub publishes them
     * @param root     the network root the hub's certificate must chain to, or null to take the certificate as given
     * @param expected the submission the receipt must be for, or null
     */
    static Receipt verify(String compact, List<X509Certificate> hubChain, X509Certificate root, Submission expected) {
        SignedEnvelope receipt;
        try {
            receipt = SignedEnvelope.parse(compact.strip());
        } catch (TrustException e) {
            throw refused("it is not a JWS: " + e.getMessage());
        }
        if (!HEADER_TYPE.equals(receipt.type().orElse(null))) {
            throw refused("it is typed " + receipt.type().orElse("(no typ)") + ", not " + HEADER_TYPE);
        }
        X509Certificate hub = hubChain.get(0);
        String hubKeyId = KeyIds.of(hub.getPublicKey());
        if (receipt.keyId().isPresent() && !receipt.keyId().get().equals(hubKeyId)) {
            throw refused("it was signed by key " + receipt.keyId().get() + ", but the hub certificate "
                    + Certificates.subject(hub) + " is for key " + hubKeyId);
        }
        if (!receipt.verify(hub.getPublicKey())) {
            throw refused("its signature does not verify with the hub certificate " + Certificates.subject(hub));
        }
        Receipt content = content(receipt);
        requireHubTrusted(hubChain, root, content.receivedAt());
        if (expected != null) {
            requireFor(expected, content);
        }
        return content;
    }

    private static Receipt content(SignedEnvelope receipt) {
        byte[] payload = receipt.payload();
        ObjectNode json = Json.parseObject(payload, "the receipt");
        if (!CanonicalJson.isCanonical(payload)) {
            throw refused("its payload is not canonical JSON (RFC 8785)");
        }
        if (!"receipt".equals(Json.text(json, "type"))) {
            throw refused("its payload is not a receipt (type " + json.get("type") + ")");
        }
        JsonNode globalIndex = json.get("globalIndex");
        String submissionId = Json.text(json, "submissionId");
        String contentHash = Json.text(json, "contentHash");
        String receivedAt = Json.text(json, "receivedAt");
        if (globalIndex == null || !globalIndex.canConvertToExactIntegral() || submissionId == null
                || contentHash == null || receivedAt == null) {
            throw refused("its payload lacks globalIndex, submissionId, contentHash or receivedAt");
        }
        try {
            return new Receipt(globalIndex.asLong(), submissionId, contentHash, Json.text(json, "eventHash"),
                    Instant.parse(receivedAt), new String(payload, StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            throw refused("its receivedAt is not a UTC time: " + receivedAt);
        }
    }

    /** The hub's certificate valid at {@code at} and, given the root, certified by it for signing then. */
    static void requireHubTrusted(List<X509Certificate> hubChain, X509Certificate root, Instant at) {
        X509Certificate hub = hubChain.get(0);
        if (root == null) {
            try {
                hub.checkValidity(Date.from(at));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw refused("the hub certificate was not valid when the receipt was issued (" + at + "): "
                        + Validity.describe(hub));
            }
            return;
        }
        List<X509Certificate> issuers = new ArrayList<>();
        for (X509Certificate certificate : hubChain.subList(1, hubChain.size())) {
            if (!certificate.equals(root)) {
                issuers.add(certificate);
            }
        }
        try {
            CertificatePath.check(hub, issuers, root, at, CertificatePath.Purpose.SIGNING);
        } catch (TrustException e) {
            throw refused("the hub certificate is not certified by the network root: " + e.getMessage());
        }
    }

    private static void requireFor(Submission expected, Receipt receipt) {
        if (!expected.submissionId().toString().equals(receipt.submissionId())) {
            throw refused("it is for submission " + receipt.submissionId() + ", not " + expected.submissionId());
        }
        if (!expected.contentHash().equalsIgnoreCase(receipt.contentHash())) {
            throw refused("its contentHash " + receipt.contentHash() + " is not the SHA-256 of what was signed ("
                    + expected.contentHash() + ")");
        }
    }

    private static CliFailure refused(String reason) {
        return new CliFailure("the receipt does not verify: " + reason);
    }
}
