package org.ewn.transparency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tree roots and proofs of RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (SUBPROOF) for a tree of any size. The shape of a
 * proof depends only on the sizes and index, so it is first worked out as ranges of leaves; the hashes of all the
 * perfect subtrees under those ranges are then asked of the {@link NodeSource} at once: {@code O(log n)} of them.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH of the first {@code size} leaves. */
    public static byte[] root(long size, NodeSource nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? MerkleHashes.emptyRoot() : hashes(List.of(new Range(0, size)), nodes).get(0);
    }

    /** The audit path of the leaf at {@code index} in the tree of {@code size} leaves, nearest the leaf first. */
    public static List<byte[]> inclusion(long index, long size, NodeSource nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        return hashes(inclusionRanges(index, size), nodes);
    }

    /** The proof that the tree of {@code size2} leaves extends the one of {@code size1}; empty if either is trivial. */
    public static List<byte[]> consistency(long size1, long size2, NodeSource nodes) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        return size1 == 0 || size1 == size2 ? List.of() : hashes(consistencyRanges(size1, size2), nodes);
    }

    static List<Range> inclusionRanges(long index, long size) {
        // PATH(m, D[n]) walked from the root down, so the ranges come out farthest from the leaf first
        List<Range> ranges = new ArrayList<>();
        long from = 0;
        long to = size;
        long m = index;
        while (to - from > 1) {
            long k = largestPowerOfTwoBelow(to - from);
            if (m < k) {
                ranges.add(new Range(from + k, to));
                to = from + k;
            } else {
                ranges.add(new Range(from, from + k));
                from += k;
                m -= k;
            }
        }
        Collections.reverse(ranges);
        return ranges;
    }

    static List<Range> consistencyRanges(long size1, long size2) {
        // SUBPROOF(m, D[n], b), again from the top down
        List<Range> ranges = new ArrayList<>();
        long from = 0;
        long to = size2;
        long m = size1;
        boolean startsAtOldRoot = true;
        while (m != to - from) {
            long k = largestPowerOfTwoBelow(to - from);
            if (m <= k) {
                ranges.add(new Range(from + k, to));
                to = from + k;
            } else {
                ranges.add(new Range(from, from + k));
                from += k;
                m -= k;
                startsAtOldRoot = false;
            }
        }
        if (!startsAtOldRoot) {
            ranges.add(new Range(from, to));
        }
        Collections.reverse(ranges);
        return ranges;
    }

    private static List<byte[]> hashes(List<Range> ranges, NodeSource nodes) {
        Set<Subtree> needed = new LinkedHashSet<>();
        List<List<Subtree>> covers = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            List<Subtree> cover = Subtree.cover(range.from(), range.to());
            covers.add(cover);
            needed.addAll(cover);
        }
        Map<Subtree, byte[]> known = nodes.hashes(needed);
        List<byte[]> result = new ArrayList<>(ranges.size());
        for (List<Subtree> cover : covers) {
            List<byte[]> parts = new ArrayList<>(cover.size());
            for (Subtree subtree : cover) {
                byte[] hash = known.get(subtree);
                if (hash == null) {
                    throw new IllegalStateException("no hash for " + subtree);
                }
                parts.add(hash);
            }
            result.add(MerkleHashes.fold(parts));
        }
        return result;
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
