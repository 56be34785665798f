package org.ewn.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.transparency.CompactRange;
import org.ewn.transparency.NodeSource;
import org.ewn.transparency.Subtree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree in MongoDB, addressed by {@code _id} only:
 * <ul>
 * <li>{@value #NODES}: {@code {_id: "level/index", hash}}, one per perfect subtree of the leaves so far (about two
 * per leaf). A subtree's hash depends only on its leaves, so every node writes the same document and a replay
 * rewrites what is there;</li>
 * <li>{@value #META}: {@code {_id: "tree", size}}, the number of leaves whose subtrees are all written; it only
 * grows ({@code $max}) and is raised only after the nodes are written, so whatever it says is there.</li>
 * </ul>
 */
final class TreeNodes implements NodeSource {

    static final String NODES = "transparency_nodes";
    static final String META = "transparency_meta";
    private static final String TREE = "tree";

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> meta;

    TreeNodes(MongoDatabase database) {
        this.nodes = database.getCollection(NODES);
        this.meta = database.getCollection(META);
    }

    long size() {
        Document tree = meta.find(Filters.eq("_id", TREE)).first();
        return tree == null ? 0 : tree.getLong("size");
    }

    void advance(long size) {
        meta.updateOne(Filters.eq("_id", TREE), Updates.max("size", size), new UpdateOptions().upsert(true));
    }

    void write(List<CompactRange.Node> completed) {
        if (completed.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> upserts = new ArrayList<>(completed.size());
        for (CompactRange.Node node : completed) {
            String id = id(node.subtree());
            upserts.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                    new Document("_id", id).append("hash", new Binary(node.hash())),
                    new ReplaceOptions().upsert(true)));
        }
        nodes.bulkWrite(upserts);
    }

    @Override
    public Map<Subtree, byte[]> hashes(Collection<Subtree> subtrees) {
        Map<String, Subtree> byId = new HashMap<>();
        subtrees.forEach(subtree -> byId.put(id(subtree), subtree));
        Map<Subtree, byte[]> found = new HashMap<>();
        for (Document document : nodes.find(Filters.in("_id", new ArrayList<>(byId.keySet())))) {
            found.put(byId.get(document.getString("_id")), document.get("hash", Binary.class).getData());
        }
        return found;
    }

    private static String id(Subtree subtree) {
        return subtree.level() + "/" + subtree.index();
    }
}
