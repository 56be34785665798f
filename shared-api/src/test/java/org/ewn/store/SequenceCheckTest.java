package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.SERIALIZER;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/** The appends of one commit, checked together: each sees the ones accepted before it. */
class SequenceCheckTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void eachAppendInACommitIsCheckedAfterTheOnesBeforeIt() throws InterruptedException {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("stored", 0, new Noted("s0")));
        engine.indexWriter().awaitIndexed();
        AggregateIndex index = new AggregateIndex(database.getCollection(LogStorageEngine.AGGREGATES),
                                                  database.getCollection(LogStorageEngine.META));
        PendingAppend opensX = append(event("x", 0, new Noted("x0")), event("x", 1, new Noted("x1")));
        PendingAppend repeatsX1 = append(event("x", 1, new Noted("x1 again")));
        PendingAppend continuesX = append(event("x", 2, new Noted("x2")));
        PendingAppend opensYContinuesX = append(event("y", 0, new Noted("y0")), event("x", 3, new Noted("x3")));
        PendingAppend plain = append(plainEvent(new Noted("p")));
        PendingAppend recreatesStored = append(plainEvent(new Noted("p")), event("stored", 0, new Noted("again")));
        PendingAppend continuesStored = append(event("stored", 1, new Noted("s1")));

        List<PendingAppend> valid = SequenceCheck.keepValid(
                List.of(opensX, repeatsX1, continuesX, opensYContinuesX, plain, recreatesStored, continuesStored),
                index::lastSequences);

        assertThat(valid).containsExactly(opensX, continuesX, opensYContinuesX, plain, continuesStored);
        for (PendingAppend rejected : List.of(repeatsX1, recreatesStored)) {
            assertThatThrownBy(() -> rejected.result().getNow(null)).hasCauseInstanceOf(ConcurrencyException.class);
        }
        assertThat(valid).allSatisfy(append -> assertThat(append.result()).isNotDone());
    }

    private static PendingAppend append(EventMessage<?>... events) {
        return new PendingAppend(Arrays.stream(events).map(e -> SerializedEvent.of(e, SERIALIZER)).toList());
    }
}
