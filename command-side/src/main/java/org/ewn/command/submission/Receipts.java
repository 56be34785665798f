package org.ewn.command.submission;

import org.ewn.api.submission.SignedSubmission;
import org.ewn.store.LogStorageEngine;
import org.ewn.store.LoggedEvent;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.SignedEnvelope;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The hub's signed answer to an accepted submission: the submission id and content hash, where its first event lies
 * in the log (global index and hash), and when the hub received it. A JWS like the submission, typed
 * {@value #TYPE}; Ed25519 is deterministic, so a repeated submission gets the very same receipt.
 */
@Component
public class Receipts {

    public static final String TYPE = "ewn-receipt+jws";

    private final LogStorageEngine log;
    private final HubKey hub;
    private final TrustProperties properties;

    Receipts(LogStorageEngine log, HubKey hub, TrustProperties properties) {
        this.log = log;
        this.hub = hub;
        this.properties = properties;
    }

    /** The receipt for a submission as recorded, whose first event is the aggregate's event at {@code sequence}. */
    public String issue(SignedSubmission recorded, String aggregateId, long sequence) {
        return issue(recorded.submissionId(), recorded.contentHash(), recorded.receivedAt(), aggregateId, sequence);
    }

    /** @param receivedAt when the hub first accepted the submission, so that a repeat gets the same receipt */
    public String issue(UUID submissionId, String contentHash, Instant receivedAt, String aggregateId, long sequence) {
        LoggedEvent event = log.locate(aggregateId, sequence).orElseThrow(() -> new IllegalStateException(
                "The event of submission " + submissionId + " is not in the log"));
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("type", "receipt");
        receipt.put("network", properties.network());
        receipt.put("submissionId", submissionId.toString());
        receipt.put("contentHash", contentHash);
        receipt.put("globalIndex", event.globalIndex());
        receipt.put("eventHash", event.hashHex());
        receipt.put("receivedAt", receivedAt.toString());
        byte[] payload = CanonicalJson.canonicalize(json(receipt).getBytes(StandardCharsets.UTF_8));
        return SignedEnvelope.sign(payload, hub.keyId(), TYPE, hub.key().privateKey());
    }

    private static String json(Map<String, Object> receipt) {
        try {
            return SignedContent.JSON.writeValueAsString(receipt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
