package org.ewn.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One embedded MongoDB server for a test class; each test takes a fresh database on it. Registered as an extension,
 * it closes what it opened after the class's tests.
 */
final class StoreFixture implements AutoCloseable, AfterAllCallback {

    static final Serializer SERIALIZER = JacksonSerializer.builder()
                                                          .objectMapper(new ObjectMapper().findAndRegisterModules())
                                                          .build();

    private final MongoServer server;
    private final String uri;
    private final List<AutoCloseable> opened = new ArrayList<>();

    StoreFixture(MongoBackend backend) {
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        this.uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    static StoreFixture inMemory() {
        return new StoreFixture(new MemoryBackend());
    }

    /** A client of its own, as a separate process would have. */
    MongoClient client(CommandListener... listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                                                                  .applyConnectionString(new ConnectionString(uri));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        MongoClient client = MongoClients.create(settings.build());
        opened.add(client);
        return client;
    }

    /** A database of its own, reached through a client that tells {@code listeners} every command it sends. */
    MongoDatabase freshDatabase(CommandListener... listeners) {
        return client(listeners).getDatabase("test-" + UUID.randomUUID());
    }

    LogStorageEngine engine(MongoDatabase database) {
        return engine(database, UnaryOperator.identity());
    }

    LogStorageEngine engine(MongoDatabase database, UnaryOperator<LogStorageEngine.Builder> options) {
        LogStorageEngine engine = options.apply(LogStorageEngine.builder()
                                                                .database(database)
                                                                .eventSerializer(SERIALIZER)
                                                                .snapshotSerializer(SERIALIZER)).build();
        opened.add(engine);
        return engine;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        server.shutdownNow();
    }

    static DomainEventMessage<?> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Case", aggregateId, sequence, payload);
    }

    static EventMessage<?> plainEvent(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    static List<TrackedEventMessage<?>> readAll(LogStorageEngine engine, TrackingToken after) {
        return engine.readEvents(after, false).<TrackedEventMessage<?>>map(event -> event).toList();
    }

    static long indexOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    record Noted(String text) {
    }
}
