package org.ewn.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.ewn.transparency.CompactRange;
import org.ewn.transparency.MerkleHashes;
import org.ewn.transparency.ProofVerifier;
import org.ewn.transparency.Subtree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogTreeTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("test-" + UUID.randomUUID());
    }

    @Test
    void followsTheLogAndProvesEveryLeafAndEveryGrowth() {
        FakeLog log = new FakeLog();
        LogTree tree = new LogTree(freshDatabase(), log);
        List<byte[]> roots = new ArrayList<>();
        roots.add(tree.root(0));
        for (int grown : new int[] {1, 2, 5, 9, 16, 1, 33, 2000}) {
            log.append(grown);
            long size = tree.catchUp();
            assertThat(size).isEqualTo(roots.size() - 1 + grown);
            for (long s = roots.size(); s <= size; s++) {
                roots.add(tree.root(s));
            }
            assertThat(roots.get((int) size)).isEqualTo(inMemoryRoot(log, size));
        }
        long size = tree.size();
        byte[] root = roots.get((int) size);
        for (long index = 0; index < size; index += 7) {
            InclusionProof proof = tree.inclusion(index, size);
            assertThat(proof.eventHash()).isEqualTo(log.hash(index));
            assertThat(ProofVerifier.verifyInclusion(index, size, MerkleHashes.leaf(log.hash(index)), proof.path(), root))
                    .as("leaf %d", index).isTrue();
        }
        for (long from = 0; from <= size; from += 97) {
            for (long to = from; to <= size; to += 131) {
                assertThat(ProofVerifier.verifyConsistency(from, to, roots.get((int) from), roots.get((int) to),
                        tree.consistency(from, to))).as("%d to %d", from, to).isTrue();
            }
        }
    }

    @Test
    void nodesRacingOnOneStoreAndARebuildFromZeroAgree() throws Exception {
        FakeLog log = new FakeLog();
        log.append(1500);
        MongoDatabase database = freshDatabase();
        LogTree one = new LogTree(database, log);
        LogTree two = new LogTree(database, log);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(one::catchUp);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(two::catchUp);
        assertThat(first.get()).isEqualTo(1500);
        assertThat(second.get()).isEqualTo(1500);
        byte[] root = inMemoryRoot(log, 1500);
        assertThat(one.root(1500)).isEqualTo(root);

        log.append(10);
        assertThat(two.catchUp()).isEqualTo(1510);
        assertThat(one.catchUp()).as("one carries on from what two wrote").isEqualTo(1510);
        assertThat(one.root(1510)).isEqualTo(inMemoryRoot(log, 1510));

        database.drop();
        LogTree rebuilt = new LogTree(database, log);
        assertThat(rebuilt.size()).isZero();
        assertThat(rebuilt.catchUp()).isEqualTo(1510);
        assertThat(rebuilt.root(1500)).isEqualTo(root);
    }

    @Test
    void aWriterThatLagsBehindNeverShortensWhatAnotherWrote() {
        FakeLog log = new FakeLog();
        log.append(600);
        TreeNodes nodes = new TreeNodes(freshDatabase());
        CompactRange range = CompactRange.empty();
        List<CompactRange.Node> upTo300 = new ArrayList<>();
        List<CompactRange.Node> upTo600 = new ArrayList<>();
        for (int index = 0; index < 600; index++) {
            List<CompactRange.Node> completed = range.append(MerkleHashes.leaf(log.hash(index)));
            (index < 300 ? upTo300 : upTo600).addAll(completed);
        }
        upTo600.addAll(0, upTo300);
        nodes.write(upTo600);
        nodes.write(upTo300);

        Subtree last = Subtree.leaf(599);
        assertThat(nodes.hashes(List.of(last)).get(last)).isEqualTo(MerkleHashes.leaf(log.hash(599)));
        Subtree firstHalf = new Subtree(9, 0);
        assertThat(nodes.hashes(List.of(firstHalf)).get(firstHalf)).isEqualTo(inMemoryRoot(log, 512));
    }

    @Test
    void refusesRangesBeyondTheTree() {
        FakeLog log = new FakeLog();
        log.append(10);
        LogTree tree = new LogTree(freshDatabase(), log);
        tree.catchUp();
        assertThatThrownBy(() -> tree.root(11)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
        assertThatThrownBy(() -> tree.inclusion(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusion(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistency(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistency(1, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] inMemoryRoot(FakeLog log, long size) {
        CompactRange range = CompactRange.empty();
        log.hashesFrom(0, (int) size).forEach(event -> range.append(MerkleHashes.leaf(event.hash())));
        return range.root();
    }
}
