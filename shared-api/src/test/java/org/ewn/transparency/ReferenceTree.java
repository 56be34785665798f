package org.ewn.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MTH exactly as RFC 9162 §2.1.1 defines it, recursively over leaves in memory: what the fast paths must agree with. */
final class ReferenceTree implements NodeSource {

    private final List<byte[]> leafHashes = new ArrayList<>();

    static ReferenceTree ofData(List<byte[]> data) {
        ReferenceTree tree = new ReferenceTree();
        data.forEach(d -> tree.leafHashes.add(MerkleHashes.leaf(d)));
        return tree;
    }

    /** A tree of {@code size} distinct made-up leaves, for properties that hold for any data. */
    static ReferenceTree ofSize(int size) {
        ReferenceTree tree = new ReferenceTree();
        for (int i = 0; i < size; i++) {
            tree.leafHashes.add(MerkleHashes.leaf(("leaf " + i).getBytes()));
        }
        return tree;
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index);
    }

    byte[] mth(long from, long to) {
        if (to - from == 1) {
            return leafHashes.get((int) from);
        }
        long k = Long.highestOneBit(to - from - 1);
        return MerkleHashes.node(mth(from, from + k), mth(from + k, to));
    }

    @Override
    public Map<Subtree, byte[]> hashes(Collection<Subtree> subtrees) {
        Map<Subtree, byte[]> hashes = new HashMap<>();
        for (Subtree subtree : subtrees) {
            if (subtree.to() <= leafHashes.size()) {
                hashes.put(subtree, mth(subtree.from(), subtree.to()));
            }
        }
        return hashes;
    }
}
