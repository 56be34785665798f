package org.ewn.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.store.LogEntry;
import org.ewn.transparency.CompactRange;
import org.ewn.transparency.MerkleHashes;
import org.ewn.trust.Digests;
import org.ewn.trust.NetworkMembership;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies a log in one streaming pass, from global index 0: feed it the audit stream's lines ({@link #line}) or
 * entries, and signed tree heads as they become known ({@link #expectRoot}); {@link #finish()} gives the report.
 * Membership events are deserialized as the hub does (Axon's Jackson serializer, by payload type and revision) and
 * folded as they pass, so every envelope is judged by the keys, certificates and revocations of its own time. A
 * membership event that fails its own checks is not folded: nothing later may rest on it.
 */
public final class LogVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JacksonSerializer serializer = JacksonSerializer.builder()
                                                                  .objectMapper(new ObjectMapper().findAndRegisterModules())
                                                                  .build();
    private final List<Failure> failures = new ArrayList<>();
    private final ChainCheck chain = new ChainCheck(failures::add, this::verified);
    private final SignatureCheck signatures = new SignatureCheck();
    private final NetworkMembership membership = new NetworkMembership();
    private final CompactRange leaves = CompactRange.empty();
    private final TreeMap<Long, byte[]> expectedRoots = new TreeMap<>();
    /** Whether each payload type is a membership event: a class lookup per event cost more than a Merkle leaf. */
    private final Map<String, Boolean> membershipTypes = new HashMap<>();
    private final X509Certificate trustedRoot;
    private long events;
    private long signed;
    private long unsigned;
    private long folded;
    private long treeHeads;

    /** @param trustedRoot the network root the log's founding must carry, or null to take the founding's word */
    public LogVerifier(X509Certificate trustedRoot) {
        this.trustedRoot = trustedRoot;
    }

    /**
     * One line of the audit stream: true if it is an event (verified, or reported as malformed), false for a line
     * without {@code globalIndex} (a trailer, ignored here) and for one that is not JSON (reported).
     */
    public boolean line(String line) {
        LogEntry entry = EventLine.read(line);
        if (entry != null) {
            events++;
            chain.accept(entry);
            return true;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            failures.add(new Failure(chain.expected(), "malformed-event", "a line is not JSON: " + e.getMessage()));
            return false;
        }
        if (node.has("globalIndex")) {
            event(node);
            return true;
        }
        return false;
    }

    /** One event line, parsed. */
    public void event(JsonNode node) {
        events++;
        LogEntry entry;
        try {
            entry = entry(node);
        } catch (RuntimeException e) {
            failures.add(new Failure(node.path("globalIndex").asLong(-1), "malformed-event", e.toString()));
            return;
        }
        chain.accept(entry);
    }

    /** A failure found outside the log's lines, such as a tree head whose signature does not hold. */
    public void fail(Failure failure) {
        failures.add(failure);
    }

    /** The hub signed that the first {@code treeSize} leaves have this root; checked once that many are verified. */
    public void expectRoot(long treeSize, byte[] rootHash) {
        if (treeSize == leaves.size()) {
            compareRoot(rootHash);
            return;
        }
        if (treeSize < leaves.size()) {
            failures.add(new Failure(treeSize, "tree-head-unchecked", "a tree head of " + treeSize + " leaves came "
                    + "after " + leaves.size() + " leaves were verified; only heads ahead of the stream are checked"));
            return;
        }
        expectedRoots.put(treeSize, rootHash.clone());
    }

    /** Leaves verified so far: the size of the tree their root is of. */
    public long leaves() {
        return leaves.size();
    }

    public long events() {
        return events;
    }

    /** The highest global index among the events read so far, -1 before the first. */
    public long lastIndex() {
        return chain.lastIndex();
    }

    public Report finish() {
        chain.finish();
        for (var unreached : expectedRoots.entrySet()) {
            failures.add(new Failure(unreached.getKey(), "tree-head-mismatch", "the hub signed a tree of "
                    + unreached.getKey() + " leaves but the log holds " + leaves.size()));
        }
        expectedRoots.clear();
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort((a, b) -> Long.compare(a.globalIndex(), b.globalIndex()));
        return new Report(new Checked(events, chain.links(), signed, unsigned, folded, treeHeads, chain.lastIndex()),
                          sorted);
    }

    /**
     * The payload's top-level {@code submission} object, or a missing node: read by streaming, so that the rest of a
     * large event (an alert's text, its details) is skipped rather than built into a tree.
     */
    private static JsonNode submissionOf(byte[] payload) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(payload)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            JsonNode found = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("submission".equals(name)) {
                    found = JSON.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return found;
        }
    }

    private void verified(LogEntry entry, byte[] computedHash) {
        leaves.append(MerkleHashes.leaf(computedHash));
        byte[] expectedRoot = expectedRoots.remove(leaves.size());
        if (expectedRoot != null) {
            compareRoot(expectedRoot);
        }
        boolean intact = Arrays.equals(computedHash, entry.hash());
        JsonNode submission;
        try {
            submission = submissionOf(entry.payload());
        } catch (IOException e) {
            failures.add(new Failure(entry.globalIndex(), "malformed-event", "the payload is not JSON"));
            return;
        }
        if (!submission.isObject()) {
            unsigned++;
            return;
        }
        signed++;
        Failure failure = signatures.check(entry, submission, membership);
        if (failure != null) {
            failures.add(failure);
        }
        if (membershipTypes.computeIfAbsent(entry.payloadType(), name -> SignatureCheck.isMembershipEvent(type(name)))
            && failure == null && intact) {
            fold(entry);
        }
    }

    private void compareRoot(byte[] expectedRoot) {
        treeHeads++;
        byte[] root = leaves.root();
        if (!Arrays.equals(root, expectedRoot)) {
            failures.add(new Failure(leaves.size(), "tree-head-mismatch", "the hub signed root " + hex(expectedRoot)
                    + " for " + leaves.size() + " leaves; the verified leaves give " + hex(root)));
        }
    }

    private void fold(LogEntry entry) {
        MembershipEvent event = serializer.deserialize(new SimpleSerializedObject<>(entry.payload(), byte[].class,
                entry.payloadType(), entry.payloadRevision()));
        boolean founding = !membership.founded();
        membership.apply(event, entry.sequence());
        folded++;
        if (founding && trustedRoot != null && !trustedRoot.equals(membership.root())) {
            failures.add(new Failure(entry.globalIndex(), "untrusted-root", "the log's founding carries root "
                    + Digests.fingerprint(membership.root()) + ", not the given root "
                    + Digests.fingerprint(trustedRoot)));
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name, false, LogVerifier.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The stored event an audit stream line describes. */
    public static LogEntry entry(JsonNode node) {
        Base64.Decoder base64 = Base64.getDecoder();
        HexFormat hex = HexFormat.of();
        return new LogEntry(required(node, "globalIndex").asLong(),
                            text(node, "eventId"),
                            text(node, "aggregateType"),
                            text(node, "aggregateId"),
                            node.path("sequence").asLong(),
                            InstantText.parse(required(node, "timestamp").asText()),
                            text(node, "type"),
                            text(node, "revision"),
                            base64.decode(required(node, "payload").asText()),
                            base64.decode(required(node, "metadata").asText()),
                            hex.parseHex(required(node, "previousHash").asText()),
                            hex.parseHex(required(node, "hash").asText()));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
