package org.ewn.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks proofs as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) describe, trusting nothing but the
 * roots given: those of tree heads whose signatures the caller has checked. A proof whose elements are not all
 * 32 bytes, or that has too few or too many, fails.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /** Whether {@code proof} places the leaf with this hash at {@code index} of the tree of {@code size} with root {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(proof) || leafHash.length != MerkleHashes.LENGTH) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** Whether {@code proof} shows that the tree of {@code size2} with {@code root2} extends the one of {@code size1}. */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1 || !wellFormed(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (size1 == 0) {
            // every tree extends the empty one
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof.stream().allMatch(hash -> hash != null && hash.length == MerkleHashes.LENGTH);
    }
}
