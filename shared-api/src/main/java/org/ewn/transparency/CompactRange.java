package org.ewn.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaves {@code [0, size)} as the hashes of the perfect subtrees that cover them, largest first: at most one per
 * level, so {@code O(log n)} to keep. Appending a leaf merges equal-sized neighbours and reports every subtree it
 * completes, which is all a store must write to answer any proof later.
 */
public final class CompactRange {

    /** A subtree completed by an append, with its hash. */
    public record Node(Subtree subtree, byte[] hash) {
    }

    private final List<Node> frontier;
    private long size;

    private CompactRange(long size, List<Node> frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** The range of {@code size} leaves, from the hashes of the subtrees {@link Subtree#cover} gives for it. */
    public static CompactRange of(long size, NodeSource nodes) {
        if (size == 0) {
            return empty();
        }
        List<Subtree> cover = Subtree.cover(0, size);
        var hashes = nodes.hashes(cover);
        List<Node> frontier = new ArrayList<>(cover.size());
        for (Subtree subtree : cover) {
            byte[] hash = hashes.get(subtree);
            if (hash == null) {
                throw new IllegalStateException("no hash for " + subtree);
            }
            frontier.add(new Node(subtree, hash));
        }
        return new CompactRange(size, frontier);
    }

    public long size() {
        return size;
    }

    /** Appends the leaf with this leaf hash; returns the subtrees it completes, the leaf itself first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        Node node = new Node(Subtree.leaf(size), leafHash);
        completed.add(node);
        while (!frontier.isEmpty() && frontier.get(frontier.size() - 1).subtree().level() == node.subtree().level()) {
            Node left = frontier.remove(frontier.size() - 1);
            node = new Node(left.subtree().parent(), MerkleHashes.node(left.hash(), node.hash()));
            completed.add(node);
        }
        frontier.add(node);
        size++;
        return completed;
    }

    /** MTH of the leaves so far. */
    public byte[] root() {
        return size == 0 ? MerkleHashes.emptyRoot() : MerkleHashes.fold(frontier.stream().map(Node::hash).toList());
    }
}
