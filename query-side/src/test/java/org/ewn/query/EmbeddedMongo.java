package org.ewn.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One in-memory MongoDB server for a test class; each test takes a fresh database on it. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public EmbeddedMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("test-" + UUID.randomUUID());
    }

    /** Every document of the collection, by {@code _id}. */
    public static List<Document> all(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    public static Document one(MongoDatabase database, String collection, String id) {
        return database.getCollection(collection).find(new Document("_id", id)).first();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
