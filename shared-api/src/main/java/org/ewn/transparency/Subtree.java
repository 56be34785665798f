package org.ewn.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * A perfect, aligned subtree: the {@code 2^level} leaves from {@code index * 2^level} on. Its hash never changes
 * once its last leaf exists, which is what lets a store keep it and answer any proof from a few of them.
 */
public record Subtree(int level, long index) {

    public Subtree {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
        }
    }

    public static Subtree leaf(long index) {
        return new Subtree(0, index);
    }

    public long from() {
        return index << level;
    }

    public long to() {
        return (index + 1) << level;
    }

    /** The subtree one level up that this one is the left or right half of. */
    public Subtree parent() {
        return new Subtree(level + 1, index >> 1);
    }

    /**
     * The perfect subtrees whose hashes give MTH of the leaves {@code [from, to)} by {@link MerkleHashes#fold}, largest
     * first; {@code from} must be where RFC 9162's recursion can start a range, as it is for every range of a proof:
     * a multiple of the largest power of two not less than {@code to - from}, or 0.
     */
    public static List<Subtree> cover(long from, long to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("no leaves in [" + from + ", " + to + ")");
        }
        List<Subtree> cover = new ArrayList<>();
        long start = from;
        while (start < to) {
            int level = 63 - Long.numberOfLeadingZeros(to - start);
            if (start % (1L << level) != 0) {
                throw new IllegalArgumentException("[" + from + ", " + to + ") is not a range of the tree");
            }
            cover.add(new Subtree(level, start >> level));
            start += 1L << level;
        }
        return cover;
    }
}
