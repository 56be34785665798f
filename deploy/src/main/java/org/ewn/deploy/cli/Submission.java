package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.trust.Digests;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.SubmissionSigner;
import org.ewn.trust.TrustException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A signed submission: the JWS (typ {@value #HEADER_TYPE}) over the canonical JSON of exactly six fields, type,
 * network, submissionId, agency, issuedAt and body. The agency is the holder of the signing certificate, so a
 * submission can only speak for the agency whose key signed it.
 *
 * @param payload the exact signed bytes, whose SHA-256 the hub's receipt repeats
 */
record Submission(String envelope, byte[] payload, String type, UUID submissionId, String agency, ObjectNode body) {

    static final String HEADER_TYPE = SubmissionSigner.TYPE;

    static Submission sign(IssuedKey key, String type, String network, UUID submissionId, ObjectNode body,
                           Instant issuedAt) {
        String agency = agencyOf(key);
        Instant at = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        SubmissionSigner signer = new SubmissionSigner(key, network);
        byte[] payload = signer.payload(type, submissionId, at, body);
        String envelope = signer.sign(type, submissionId, at, body);
        return new Submission(envelope, payload, type, submissionId, agency, body);
    }

    /** A submission signed before, such as one kept with {@code --out-envelope}. */
    static Submission parse(String envelope, String what) {
        SignedEnvelope parsed;
        try {
            parsed = SignedEnvelope.parse(envelope.strip());
        } catch (TrustException e) {
            throw new CliFailure(what + " is not a signed envelope: " + e.getMessage(), e);
        }
        ObjectNode content = Json.parseObject(parsed.payload(), what + "'s payload");
        JsonNode body = content.get("body");
        String id = Json.text(content, "submissionId");
        String type = Json.text(content, "type");
        if (type == null || id == null || !(body instanceof ObjectNode)) {
            throw new CliFailure(what + " is not a submission: its payload needs \"type\", \"submissionId\" and "
                    + "a \"body\" object");
        }
        UUID submissionId;
        try {
            submissionId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(what + " has a submissionId that is not a UUID: " + id, e);
        }
        return new Submission(parsed.compact(), parsed.payload(), type, submissionId, Json.text(content, "agency"),
                (ObjectNode) body);
    }

    /** SHA-256 (hex) of the signed bytes: the receipt's contentHash. */
    String contentHash() {
        return Digests.sha256Hex(payload);
    }

    static String agencyOf(IssuedKey key) {
        String holder = NetworkPki.holder(key.certificate());
        try {
            return new AgencyCode(holder).value();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CliFailure("the key's certificate belongs to \"" + holder + "\", which is not an agency; sign "
                    + "with an agency's or an administrator's signing key");
        }
    }
}
