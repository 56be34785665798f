package org.ewn.store;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/** The engine behind Axon's own event store, as the command and query sides will use it. */
class AxonEventStoreTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void eventsPublishedInAUnitOfWorkAreStoredOnCommitAndStreamedInOrder() throws Exception {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            DefaultUnitOfWork.startAndGet(null).execute(() -> {
                eventStore.publish(event("case", 0, new Noted("opened")));
                eventStore.publish(plainEvent(new Noted("noticed")));
                assertThat(engine.eventsCommitted()).as("nothing before the unit of work commits").isZero();
            });
            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event("case", 1, new Noted("closed"))));

            List<String> streamed = new ArrayList<>();
            try (var stream = eventStore.openStream(null)) {
                while (streamed.size() < 3 && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> next = stream.nextAvailable();
                    streamed.add(StoreFixture.indexOf(next) + ":" + ((Noted) next.getPayload()).text());
                }
            }
            assertThat(streamed).containsExactly("0:opened", "1:noticed", "2:closed");
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void aConflictRollsTheUnitOfWorkBack() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event("case", 0, new Noted("a"))));

            assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(null).execute(() -> {
                eventStore.publish(plainEvent(new Noted("side effect")));
                eventStore.publish(event("case", 0, new Noted("concurrent open")));
            })).isInstanceOf(ConcurrencyException.class);

            assertThat(engine.eventsCommitted()).isEqualTo(1);
            assertThat(StoreFixture.readAll(engine, null)).hasSize(1);
        } finally {
            eventStore.shutDown();
        }
    }
}
