package org.ewn.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.event.CommandListener;
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
    private final String uri;
    private final MongoClient client;
    private final List<MongoClient> listened = new ArrayList<>();

    public EmbeddedMongo() {
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(uri);
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("test-" + UUID.randomUUID());
    }

    /** A fresh database, through a client of its own that tells {@code listener} of every command it sends. */
    public MongoDatabase freshDatabase(CommandListener listener) {
        MongoClient own = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).addCommandListener(listener).build());
        listened.add(own);
        return own.getDatabase("test-" + UUID.randomUUID());
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
        listened.forEach(MongoClient::close);
        client.close();
        server.shutdownNow();
    }
}
