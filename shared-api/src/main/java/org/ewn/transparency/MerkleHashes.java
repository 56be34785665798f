package org.ewn.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an interior node
 * {@code SHA-256(0x01 || left || right)}; the distinct prefixes keep a leaf from passing for a node.
 */
public final class MerkleHashes {

    public static final int LENGTH = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {
    }

    /** The root of the empty tree: the hash of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(data);
        return sha256.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /**
     * The hash of a range from the hashes of the perfect subtrees that {@link Subtree#cover} splits it into: each
     * larger subtree on the left of the rest, as MTH splits a range at its largest power of two.
     */
    public static byte[] fold(List<byte[]> subtreeHashes) {
        byte[] hash = subtreeHashes.get(subtreeHashes.size() - 1);
        for (int i = subtreeHashes.size() - 2; i >= 0; i--) {
            hash = node(subtreeHashes.get(i), hash);
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
