package org.ewn.transparency;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 6962 test data of the certificate-transparency implementations (as in transparency-dev/merkle
 * {@code rfc6962_test.go} and {@code proof/verify_test.go}): eight leaves, the roots of sizes 1 to 8, and known
 * inclusion and consistency paths. RFC 9162 keeps RFC 6962's hashing, so the same values hold.
 */
class MerkleVectorsTest {

    static final List<byte[]> LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"),
            hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Leaf (zero-based here; one-based in the source), tree size, path. */
    record Inclusion(int leaf, int size, List<String> path) {
    }

    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    record Consistency(int size1, int size2, List<String> proof) {
    }

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private final ReferenceTree tree = ReferenceTree.ofData(LEAVES);

    @Test
    void hashesLeavesAndNodesAsRfc6962() {
        assertThat(hex(MerkleHashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(MerkleHashes.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(MerkleHashes.leaf("L123456".getBytes())))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(hex(MerkleHashes.node("N123".getBytes(), "N456".getBytes())))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void computesTheKnownRootOfEverySize() {
        CompactRange range = CompactRange.empty();
        for (int size = 1; size <= 8; size++) {
            range.append(MerkleHashes.leaf(LEAVES.get(size - 1)));
            assertThat(hex(MerkleProofs.root(size, tree))).as("size %d", size).isEqualTo(ROOTS.get(size - 1));
            assertThat(hex(range.root())).as("compact range of size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
        assertThat(hex(MerkleProofs.root(0, tree))).isEqualTo(hex(MerkleHashes.emptyRoot()));
    }

    @Test
    void generatesAndVerifiesTheKnownInclusionPaths() {
        for (Inclusion vector : INCLUSIONS) {
            List<byte[]> proof = MerkleProofs.inclusion(vector.leaf(), vector.size(), tree);
            assertThat(proof).extracting(MerkleVectorsTest::hex).as("%s", vector).isEqualTo(vector.path());
            byte[] leafHash = MerkleHashes.leaf(LEAVES.get(vector.leaf()));
            byte[] root = hex(ROOTS.get(vector.size() - 1));
            assertThat(ProofVerifier.verifyInclusion(vector.leaf(), vector.size(), leafHash, hexes(vector.path()), root))
                    .as("%s", vector).isTrue();
            assertThat(ProofVerifier.verifyInclusion(vector.leaf() + 1, vector.size(), leafHash, hexes(vector.path()), root))
                    .as("%s at the next index", vector).isFalse();
        }
    }

    @Test
    void generatesAndVerifiesTheKnownConsistencyProofs() {
        for (Consistency vector : CONSISTENCIES) {
            List<byte[]> proof = MerkleProofs.consistency(vector.size1(), vector.size2(), tree);
            assertThat(proof).extracting(MerkleVectorsTest::hex).as("%s", vector).isEqualTo(vector.proof());
            byte[] root1 = hex(ROOTS.get(vector.size1() - 1));
            byte[] root2 = hex(ROOTS.get(vector.size2() - 1));
            assertThat(ProofVerifier.verifyConsistency(vector.size1(), vector.size2(), root1, root2,
                    hexes(vector.proof()))).as("%s", vector).isTrue();
            if (vector.size1() != vector.size2()) {
                assertThat(ProofVerifier.verifyConsistency(vector.size1(), vector.size2(), root2, root1,
                        hexes(vector.proof()))).as("%s with the roots swapped", vector).isFalse();
            }
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<byte[]> hexes(List<String> hexes) {
        return hexes.stream().map(MerkleVectorsTest::hex).toList();
    }
}
