package org.ewn.command.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.ewn.audit.LogTree;
import org.ewn.command.submission.HubKey;
import org.ewn.command.submission.TrustProperties;
import org.ewn.trust.CanonicalJson;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tree heads the hub signs with its receipt key, kept in {@value #HEADS} as {@code {_id: treeSize, rootHash,
 * timestamp, treeHead}} with {@code {_id: "latest", size}} pointing at the largest. One head per size: when two nodes
 * sign the same size at once, the first insert stays and both answer with it, so no lease is needed.
 */
@Component
class TreeHeads {

    static final String TYPE = "ewn-tree-head+jws";
    static final String HEADS = "transparency_heads";
    private static final String LATEST = "latest";

    private final LogTree tree;
    private final HubKey hub;
    private final String network;
    private final Clock clock;
    private final MongoCollection<Document> heads;

    TreeHeads(LogTree tree, HubKey hub, TrustProperties trust, Clock clock, MongoDatabase database) {
        this.tree = tree;
        this.hub = hub;
        this.network = trust.network();
        this.clock = clock;
        this.heads = database.getCollection(HEADS);
    }

    /** A head over everything logged by now: the latest if the log has not grown since, else a new one. */
    SignedHead current() {
        long size = tree.catchUp();
        return latest().filter(head -> head.treeSize() == size).orElseGet(() -> sign(size));
    }

    /** Signs the tree as it is if it grew since the latest head (or there is none yet). */
    void signIfGrown() {
        long size = tree.size();
        if (latest().map(head -> head.treeSize() < size).orElse(true)) {
            sign(size);
        }
    }

    Optional<SignedHead> latest() {
        Document latest = heads.find(Filters.eq("_id", LATEST)).first();
        return latest == null ? Optional.empty() : at(latest.getLong("size"));
    }

    Optional<SignedHead> at(long size) {
        return Optional.ofNullable(heads.find(Filters.eq("_id", size)).first())
                       .map(head -> new SignedHead(size, head.getString("rootHash"), head.getString("timestamp"),
                                                   head.getString("treeHead")));
    }

    private SignedHead sign(long size) {
        String rootHash = HexFormat.of().formatHex(tree.root(size));
        String timestamp = clock.instant().toString();
        String payload = "{\"network\":" + quoted(network) + ",\"rootHash\":\"" + rootHash + "\",\"timestamp\":\""
                         + timestamp + "\",\"treeSize\":" + size + ",\"type\":\"tree-head\"}";
        byte[] canonical = CanonicalJson.canonicalize(payload.getBytes(StandardCharsets.UTF_8));
        String jws = hub.sign(canonical, TYPE);
        heads.updateOne(Filters.eq("_id", size), Updates.combine(Updates.setOnInsert("rootHash", rootHash),
                Updates.setOnInsert("timestamp", timestamp), Updates.setOnInsert("treeHead", jws)),
                new UpdateOptions().upsert(true));
        heads.updateOne(Filters.eq("_id", LATEST), Updates.max("size", size), new UpdateOptions().upsert(true));
        return at(size).orElseThrow();
    }

    private static String quoted(String text) {
        // network codes are letters and digits (EWN), but keep the JSON well-formed whatever they are
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
