package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.KeyIds;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.TrustException;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a tree head the hub signed: typed {@value #HEADER_TYPE}, signed by the hub's key, canonical, and, with the
 * network's root, signed while the hub's certificate was certified by it. What it says is then the hub's word on
 * the log's size and root hash, which proofs are checked against.
 */
final class TreeHeads {

    static final String HEADER_TYPE = "ewn-tree-head+jws";

    private TreeHeads() {
    }

    /** A verified head. */
    record Head(long treeSize, byte[] rootHash, Instant timestamp, String network, String jws) {

        String rootHex() {
            return HexFormat.of().formatHex(rootHash);
        }
    }

    static Head verify(String compact, List<X509Certificate> hubChain, X509Certificate root) {
        SignedEnvelope head;
        try {
            head = SignedEnvelope.parse(compact.strip());
        } catch (TrustException e) {
            throw refused("it is not a JWS: " + e.getMessage());
        }
        if (!HEADER_TYPE.equals(head.type().orElse(null))) {
            throw refused("it is typed " + head.type().orElse("(no typ)") + ", not " + HEADER_TYPE);
        }
        X509Certificate hub = hubChain.get(0);
        if (head.keyId().isPresent() && !head.keyId().get().equals(KeyIds.of(hub.getPublicKey()))) {
            throw refused("it was signed by key " + head.keyId().get() + ", not the hub's");
        }
        if (!head.verify(hub.getPublicKey())) {
            throw refused("its signature does not verify with the hub certificate " + Certificates.subject(hub));
        }
        Head content = content(head, compact.strip());
        try {
            Receipts.requireHubTrusted(hubChain, root, content.timestamp());
        } catch (CliFailure e) {
            throw refused(e.getMessage());
        }
        return content;
    }

    private static Head content(SignedEnvelope head, String compact) {
        byte[] payload = head.payload();
        ObjectNode json = Json.parseObject(payload, "the tree head");
        if (!CanonicalJson.isCanonical(payload)) {
            throw refused("its payload is not canonical JSON (RFC 8785)");
        }
        if (!"tree-head".equals(Json.text(json, "type"))) {
            throw refused("its payload is not a tree head (type " + json.get("type") + ")");
        }
        JsonNode size = json.get("treeSize");
        String rootHash = Json.text(json, "rootHash");
        String timestamp = Json.text(json, "timestamp");
        if (size == null || !size.canConvertToExactIntegral() || size.asLong() < 0 || rootHash == null
                || timestamp == null) {
            throw refused("its payload lacks treeSize, rootHash or timestamp");
        }
        try {
            byte[] root = HexFormat.of().parseHex(rootHash);
            if (root.length != 32) {
                throw refused("its rootHash is not a SHA-256 hash");
            }
            return new Head(size.asLong(), root, Instant.parse(timestamp), Json.text(json, "network"), compact);
        } catch (IllegalArgumentException e) {
            throw refused("its rootHash is not hex: " + rootHash);
        } catch (DateTimeParseException e) {
            throw refused("its timestamp is not a UTC time: " + timestamp);
        }
    }

    private static CliFailure refused(String reason) {
        return new CliFailure("the tree head does not verify: " + reason);
    }
}
