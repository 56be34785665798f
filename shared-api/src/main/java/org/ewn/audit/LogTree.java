package org.ewn.audit;

import com.mongodb.client.MongoDatabase;
import org.ewn.store.LoggedEvent;
import org.ewn.transparency.CompactRange;
import org.ewn.transparency.MerkleHashes;
import org.ewn.transparency.MerkleProofs;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 Merkle tree over the event log, whose leaf {@code i} is the chain hash of the event at global index
 * {@code i} (see {@link org.ewn.transparency}). {@link #catchUp()} appends the events logged since, keeping the
 * subtrees they complete ({@link TreeNodes}); roots and proofs then read {@code O(log n)} of those by {@code _id}.
 * <p>
 * Every node that serves the tree may run {@link #catchUp()}: the writes are keyed by position and carry values that
 * depend on the log only, so nodes racing, or one starting again from zero after the collections were dropped,
 * write the same documents.
 */
public final class LogTree {

    private static final int LEAVES_PER_BATCH = 1024;

    private final TreeNodes nodes;
    private final LeafSource leaves;
    /** The leaves this process has appended and written; null until loaded, and again after a failed write. */
    private CompactRange range;

    public LogTree(MongoDatabase database, LeafSource leaves) {
        this.nodes = new TreeNodes(database);
        this.leaves = leaves;
    }

    /** Appends every event logged since the last call (or logged by then on another node); returns the tree size. */
    public synchronized long catchUp() {
        long written = nodes.size();
        if (range == null || range.size() < written) {
            range = CompactRange.of(written, nodes);
        }
        try {
            for (List<LoggedEvent> batch = leaves.hashesFrom(range.size(), LEAVES_PER_BATCH); !batch.isEmpty();
                 batch = leaves.hashesFrom(range.size(), LEAVES_PER_BATCH)) {
                List<CompactRange.Node> completed = new ArrayList<>(batch.size() * 2);
                for (LoggedEvent event : batch) {
                    if (event.globalIndex() != range.size()) {
                        throw new IllegalStateException("the log gave index " + event.globalIndex() + " where "
                                + range.size() + " was due");
                    }
                    completed.addAll(range.append(MerkleHashes.leaf(event.hash())));
                }
                nodes.write(completed);
                nodes.advance(range.size());
            }
            return range.size();
        } catch (RuntimeException e) {
            range = null;
            throw e;
        }
    }

    /** The number of leaves whose subtrees are written: what roots and proofs may cover now. */
    public long size() {
        return nodes.size();
    }

    public byte[] root(long treeSize) {
        requireWithin(treeSize);
        return MerkleProofs.root(treeSize, nodes);
    }

    /** @throws IllegalArgumentException if {@code index} is not below {@code treeSize} or the tree is smaller */
    public InclusionProof inclusion(long index, long treeSize) {
        requireWithin(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of " + treeSize + " leaves");
        }
        List<byte[]> path = MerkleProofs.inclusion(index, treeSize, nodes);
        List<LoggedEvent> event = leaves.hashesFrom(index, 1);
        if (event.isEmpty()) {
            throw new IllegalStateException("the log has no event at index " + index + " but the tree has");
        }
        byte[] eventHash = event.get(0).hash();
        return new InclusionProof(index, treeSize, eventHash, MerkleHashes.leaf(eventHash), path);
    }

    /** @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()} */
    public List<byte[]> consistency(long from, long to) {
        requireWithin(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("from " + from + " must be between 0 and to (" + to + ")");
        }
        return MerkleProofs.consistency(from, to, nodes);
    }

    private void requireWithin(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + treeSize);
        }
        long size = nodes.size();
        if (treeSize > size) {
            throw new IllegalArgumentException("the tree has " + size + " leaves, fewer than " + treeSize);
        }
    }
}
