package org.ewn.transparency;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** For every tree of up to 64 leaves: every proof verifies, and none survives a changed byte, index or element. */
class MerkleProofPropertiesTest {

    private static final int MAX = 64;
    private final ReferenceTree tree = ReferenceTree.ofSize(MAX);

    @Test
    void everyInclusionProofVerifiesAndNoFlippedByteDoes() {
        for (int size = 1; size <= MAX; size++) {
            byte[] root = tree.mth(0, size);
            assertThat(MerkleProofs.root(size, tree)).isEqualTo(root);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleProofs.inclusion(index, size, tree);
                byte[] leaf = tree.leafHash(index);
                assertThat(ProofVerifier.verifyInclusion(index, size, leaf, proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
                if ((index ^ 1) < size) {
                    assertThat(ProofVerifier.verifyInclusion(index ^ 1, size, leaf, proof, root)).isFalse();
                }
                assertThat(ProofVerifier.verifyInclusion(index, size, flipped(leaf, 0), proof, root)).isFalse();
                assertThat(ProofVerifier.verifyInclusion(index, size, leaf, proof, flipped(root, 31))).isFalse();
                for (int element = 0; element < proof.size(); element++) {
                    for (int bit = 0; bit < MerkleHashes.LENGTH; bit += 7) {
                        assertThat(ProofVerifier.verifyInclusion(index, size, leaf, flippedAt(proof, element, bit),
                                root)).as("leaf %d of %d, element %d byte %d", index, size, element, bit).isFalse();
                    }
                }
                if (!proof.isEmpty()) {
                    assertThat(ProofVerifier.verifyInclusion(index, size, leaf, proof.subList(1, proof.size()), root))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoFlippedByteDoes() {
        for (int size2 = 1; size2 <= MAX; size2++) {
            byte[] root2 = tree.mth(0, size2);
            for (int size1 = 1; size1 <= size2; size1++) {
                byte[] root1 = tree.mth(0, size1);
                List<byte[]> proof = MerkleProofs.consistency(size1, size2, tree);
                assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
                        .as("%d to %d", size1, size2).isTrue();
                assertThat(ProofVerifier.verifyConsistency(size1, size2, flipped(root1, 5), root2, proof)).isFalse();
                assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, flipped(root2, 5), proof)).isFalse();
                for (int element = 0; element < proof.size(); element++) {
                    assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, root2,
                            flippedAt(proof, element, element % MerkleHashes.LENGTH)))
                            .as("%d to %d, element %d", size1, size2, element).isFalse();
                }
                if (size1 < size2) {
                    assertThat(ProofVerifier.verifyConsistency(size1, size2, root1, root2, List.of())).isFalse();
                }
            }
        }
    }

    @Test
    void compactRangeCompletesEverySubtreeOnceWithTheReferenceHash() {
        CompactRange range = CompactRange.empty();
        Map<Subtree, byte[]> written = new HashMap<>();
        for (int size = 1; size <= MAX; size++) {
            for (CompactRange.Node node : range.append(tree.leafHash(size - 1))) {
                assertThat(written.put(node.subtree(), node.hash())).as("%s twice", node.subtree()).isNull();
                assertThat(node.hash()).isEqualTo(tree.mth(node.subtree().from(), node.subtree().to()));
            }
            assertThat(range.root()).isEqualTo(tree.mth(0, size));
            // a range reloaded from what was written goes on as if never interrupted
            CompactRange reloaded = CompactRange.of(size, subtrees -> {
                Map<Subtree, byte[]> found = new HashMap<>();
                subtrees.forEach(s -> found.put(s, written.get(s)));
                return found;
            });
            assertThat(reloaded.root()).isEqualTo(range.root());
        }
        assertThat(written).hasSize(2 * MAX - 1);
    }

    private static byte[] flipped(byte[] hash, int at) {
        byte[] copy = hash.clone();
        copy[at] ^= 1;
        return copy;
    }

    private static List<byte[]> flippedAt(List<byte[]> proof, int element, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flipped(proof.get(element), at));
        return copy;
    }
}
