package org.ewn.deploy.benchmark;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.ewn.deploy.store.DurableH2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh mongo-java-server on its own H2 file, committed to the file before each write is acknowledged, reached by the
 * ordinary driver over loopback: the store the all-in-one application runs on, so every scenario pays the same wire
 * protocol and backend costs, and none sees another's data.
 */
final class EmbeddedStore implements AutoCloseable {

    private final Path directory;
    private final MongoServer server;
    private final MongoClient client;
    private final RoundTrips roundTrips = new RoundTrips();

    EmbeddedStore(String name) {
        try {
            this.directory = Files.createTempDirectory("ewn-bench-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new MongoServer(new DurableH2Backend(directory));
        InetSocketAddress address = server.bind();
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                // more connections than the 8 writer threads, so none of them queues for one
                .applyToConnectionPoolSettings(pool -> pool.maxSize(32))
                .addCommandListener(roundTrips)
                .build());
    }

    MongoClient client() {
        return client;
    }

    MongoDatabase database() {
        return client.getDatabase("bench");
    }

    /** Every command the driver sent to this store, by name. */
    RoundTrips roundTrips() {
        return roundTrips;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
