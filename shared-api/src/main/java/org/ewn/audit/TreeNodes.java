package org.ewn.audit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.transparency.CompactRange;
import org.ewn.transparency.MerkleHashes;
import org.ewn.transparency.NodeSource;
import org.ewn.transparency.Subtree;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tree in MongoDB, addressed by {@code _id} only, in tiles: rather than a document per subtree (two writes per
 * leaf), the hashes of the subtrees at levels 0, 8, 16, … are kept in rows of {@value #TILE_WIDTH}, and those in
 * between are recomputed from a row (at most 127 hashes), which costs less than their round trip would.
 * <ul>
 * <li>{@value #TILES}: {@code {_id: "stratum/tile", width, hashes}}: the hashes (32 bytes each, concatenated) of the
 * subtrees at level {@code 8 * stratum} from index {@code 256 * tile} on; {@code width} of them so far. A subtree's
 * hash depends only on its leaves, so a tile only ever grows, and every node writes the same bytes; a write never
 * replaces a wider tile, so a node that lags behind cannot shorten what another wrote;</li>
 * <li>{@value #META}: {@code {_id: "tree", size}}, the number of leaves whose subtrees are all written; it only
 * grows ({@code $max}) and is raised only after the tiles are written, so whatever it says is there.</li>
 * </ul>
 */
final class TreeNodes implements NodeSource {

    static final String TILES = "transparency_tiles";
    static final String META = "transparency_meta";
    static final int TILE_HEIGHT = 8;
    static final int TILE_WIDTH = 1 << TILE_HEIGHT;
    private static final String TREE = "tree";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> tiles;
    private final MongoCollection<Document> meta;

    TreeNodes(MongoDatabase database) {
        this.tiles = database.getCollection(TILES);
        this.meta = database.getCollection(META);
    }

    long size() {
        Document tree = meta.find(Filters.eq("_id", TREE)).first();
        return tree == null ? 0 : tree.getLong("size");
    }

    void advance(long size) {
        meta.updateOne(Filters.eq("_id", TREE), Updates.max("size", size), new UpdateOptions().upsert(true));
    }

    /** Adds the completed subtrees that tiles keep (levels 0, 8, …), reading the tiles they extend first. */
    void write(List<CompactRange.Node> completed) {
        Map<String, TreeMap<Integer, byte[]>> added = new LinkedHashMap<>();
        for (CompactRange.Node node : completed) {
            Subtree subtree = node.subtree();
            if (subtree.level() % TILE_HEIGHT == 0) {
                added.computeIfAbsent(tileId(subtree), id -> new TreeMap<>())
                     .put((int) (subtree.index() % TILE_WIDTH), node.hash());
            }
        }
        if (added.isEmpty()) {
            return;
        }
        Map<String, byte[]> rows = read(added.keySet());
        List<UpdateOneModel<Document>> writes = new ArrayList<>(added.size());
        added.forEach((id, entries) -> {
            byte[] row = extend(id, rows.getOrDefault(id, new byte[0]), entries);
            int width = row.length / MerkleHashes.LENGTH;
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("width", width)),
                    Updates.combine(Updates.set("width", width), Updates.set("hashes", new Binary(row))),
                    new UpdateOptions().upsert(true)));
        });
        try {
            tiles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a tile already as wide or wider, written by another node, fails the filter and then the upsert's insert
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Map<Subtree, byte[]> hashes(Collection<Subtree> subtrees) {
        Map<String, byte[]> rows = read(subtrees.stream().map(TreeNodes::tileId).distinct().toList());
        Map<Subtree, byte[]> found = new HashMap<>();
        for (Subtree subtree : subtrees) {
            byte[] row = rows.get(tileId(subtree));
            int height = subtree.level() % TILE_HEIGHT;
            int first = (int) ((subtree.index() << height) % TILE_WIDTH);
            int count = 1 << height;
            if (row != null && row.length >= (first + count) * MerkleHashes.LENGTH) {
                found.put(subtree, perfect(row, first, count));
            }
        }
        return found;
    }

    private Map<String, byte[]> read(Collection<String> ids) {
        Map<String, byte[]> rows = new HashMap<>();
        for (Document tile : tiles.find(Filters.in("_id", new ArrayList<>(ids)))) {
            rows.put(tile.getString("_id"), tile.get("hashes", Binary.class).getData());
        }
        return rows;
    }

    private static byte[] extend(String id, byte[] row, TreeMap<Integer, byte[]> entries) {
        ByteArrayOutputStream extended = new ByteArrayOutputStream(TILE_WIDTH * MerkleHashes.LENGTH);
        extended.writeBytes(row);
        int width = row.length / MerkleHashes.LENGTH;
        for (Map.Entry<Integer, byte[]> entry : entries.entrySet()) {
            if (entry.getKey() == width) {
                extended.writeBytes(entry.getValue());
                width++;
            } else if (entry.getKey() > width) {
                throw new IllegalStateException("tile " + id + " has " + width + " hashes, so none can go at "
                        + entry.getKey());
            }
        }
        return extended.toByteArray();
    }

    /** MTH of {@code count} (a power of two) consecutive row hashes from {@code first}. */
    private static byte[] perfect(byte[] row, int first, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (first + i) * MerkleHashes.LENGTH;
            level[i] = Arrays.copyOfRange(row, at, at + MerkleHashes.LENGTH);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = MerkleHashes.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    /** The tile whose row holds the subtree or, for a level between rows, the subtrees below it. */
    private static String tileId(Subtree subtree) {
        int stratum = subtree.level() / TILE_HEIGHT;
        int height = subtree.level() % TILE_HEIGHT;
        return stratum + "/" + ((subtree.index() << height) / TILE_WIDTH);
    }
}
