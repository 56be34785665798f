package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;
import static org.ewn.store.StoreFixture.readAll;

/** The embedded default: an H2 MVStore file, shut down and opened again by a new server and a new engine. */
class RestartTest {

    private static final String DATABASE = "ewn";

    @TempDir
    Path directory;

    @Test
    void aReopenedStoreKeepsEveryEventAndANewEngineContinuesIndexAndChain() throws Exception {
        String file = directory.resolve("events.mv.db").toString();
        List<String> before;
        try (StoreFixture first = new StoreFixture(new H2Backend(file))) {
            LogStorageEngine engine = first.engine(first.client().getDatabase(DATABASE));
            for (int sequence = 0; sequence < 5; sequence++) {
                engine.appendEvents(event("case", sequence, new Noted("s" + sequence)), plainEvent(new Noted("p")));
            }
            engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "case", 3, new Noted("state at 3")));
            before = readAll(engine, null).stream().map(EventMessage::getIdentifier).toList();
        }

        try (StoreFixture second = new StoreFixture(new H2Backend(file))) {
            MongoDatabase database = second.client().getDatabase(DATABASE);
            LogStorageEngine engine = second.engine(database);

            assertThat(readAll(engine, null)).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(before);
            assertThat(engine.readSnapshot("case").orElseThrow().getSequenceNumber()).isEqualTo(3);
            assertThatThrownBy(() -> engine.appendEvents(event("case", 4, new Noted("stale"))))
                    .isInstanceOf(ConcurrencyException.class);

            engine.appendEvents(event("case", 5, new Noted("s5")), plainEvent(new Noted("after restart")));

            List<TrackedEventMessage<?>> all = readAll(engine, null);
            assertThat(all).extracting(StoreFixture::indexOf).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                                                                            10L, 11L);
            assertThat(engine.readEvents("case").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                             .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            ChainVerifier.Result chain = new ChainVerifier(database).verify();
            assertThat(chain.intact()).isTrue();
            assertThat(chain.eventsVerified()).isEqualTo(12);
        }
    }
}
