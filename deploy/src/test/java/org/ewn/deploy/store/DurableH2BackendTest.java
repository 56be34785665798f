package org.ewn.deploy.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the embedded store acknowledged is in its file at once: a copy of the file taken right after
 * the acknowledgement, as a crash would leave it, holds the write.
 */
class DurableH2BackendTest {

    @Test
    void acknowledgedWriteIsInTheFileBeforeAnyCommitInterval(@TempDir Path dir) throws Exception {
        assertThat(survivesCrash(dir, DurableH2Backend::new)).isTrue();
    }

    @Test
    void plainBackendWouldLoseIt(@TempDir Path dir) throws Exception {
        // the reason DurableH2Backend exists: H2 on its own only commits in the background
        assertThat(survivesCrash(dir, H2Backend::new)).isFalse();
    }

    /** The store's background commits are off, so only the backend's own commits reach the file. */
    private static boolean survivesCrash(Path dir, Function<MVStore, H2Backend> backend) throws Exception {
        Path file = dir.resolve("store.mv");
        Path crashImage = dir.resolve("crash-image.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(backend.apply(store));
        try {
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                client.getDatabase("ewn").getCollection("c").insertOne(new Document("_id", 1).append("x", "kept"));
                Files.copy(file, crashImage);
            }
        } finally {
            server.shutdownNow();
        }
        MongoServer reopened = new MongoServer(new H2Backend(crashImage.toString()));
        try {
            reopened.bind("127.0.0.1", 0);
            InetSocketAddress address = reopened.getLocalAddress();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                return client.getDatabase("ewn").getCollection("c").find(new Document("_id", 1)).first() != null;
            }
        } finally {
            reopened.shutdownNow();
        }
    }
}
