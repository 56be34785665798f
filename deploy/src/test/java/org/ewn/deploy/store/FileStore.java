package org.ewn.deploy.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/** The embedded store in a directory, as the application opens it, served over loopback to the ordinary driver. */
final class FileStore {

    private FileStore() {
    }

    /**
     * Opens the store in {@code directory} and the collection in its database {@code ewn}, by a first read that finds
     * nothing; closes both after {@code use}, which is also given the file that holds the collection.
     */
    static void withCollection(Path directory, String collection,
                               BiConsumer<MongoCollection<Document>, MVStore> use) {
        withDatabase(directory, collection,
                     (database, store) -> use.accept(database.getCollection(collection), store));
    }

    /** As {@link #withCollection}, with the database the collection is in. */
    static void withDatabase(Path directory, String collection, BiConsumer<MongoDatabase, MVStore> use) {
        DurableH2Backend backend = new DurableH2Backend(directory, DataSize.ofMegabytes(16));
        MVStore store = backend.fileOf(collection);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
            String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoDatabase database = client.getDatabase("ewn");
                database.getCollection(collection).find(Filters.eq("_id", "none")).first();
                use.accept(database, store);
            }
        } finally {
            server.shutdown();
        }
    }
}
