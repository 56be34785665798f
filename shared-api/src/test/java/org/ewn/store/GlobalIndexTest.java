package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MetaData;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.indexOf;
import static org.ewn.store.StoreFixture.plainEvent;
import static org.ewn.store.StoreFixture.readAll;

class GlobalIndexTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void everyEventGetsTheNextIndexFromZeroInAppendOrder() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        engine.appendEvents(event("a", 0, new Noted("a0")), plainEvent(new Noted("p0")), event("a", 1, new Noted("a1")));
        engine.appendEvents(event("b", 0, new Noted("b0")));
        engine.appendEvents(plainEvent(new Noted("p1")));

        List<TrackedEventMessage<?>> events = readAll(engine, null);

        assertThat(events).extracting(StoreFixture::indexOf).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(events).extracting(event -> ((Noted) event.getPayload()).text())
                          .containsExactly("a0", "p0", "a1", "b0", "p1");
        assertThat(events.get(1)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(events.get(2)).isInstanceOfSatisfying(DomainEventMessage.class, domainEvent -> {
            assertThat(domainEvent.getAggregateIdentifier()).isEqualTo("a");
            assertThat(domainEvent.getSequenceNumber()).isEqualTo(1);
            assertThat(domainEvent.getType()).isEqualTo("Case");
        });
    }

    @Test
    void aStreamFromAnyTokenContinuesRightAfterIt() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        for (int call = 0; call < 20; call++) {
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i <= call % 3; i++) {
                events.add(plainEvent(new Noted(call + "." + i)));
            }
            engine.appendEvents(events);
        }
        long total = readAll(engine, null).size();

        for (long token = -1; token < total; token++) {
            List<TrackedEventMessage<?>> rest = readAll(engine, new GlobalSequenceTrackingToken(token));
            assertThat(rest).extracting(StoreFixture::indexOf)
                            .containsExactlyElementsOf(LongStream.range(token + 1, total).boxed().toList());
        }
    }

    @Test
    void aReplayTokenStreamsFromItsLowerBound() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(plainEvent(new Noted("n" + i)));
        }
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(4),
                                                             new GlobalSequenceTrackingToken(1));

        assertThat(readAll(engine, replay)).extracting(StoreFixture::indexOf).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aReplayFromZeroYieldsTheOrderALiveReaderSaw() throws Exception {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        LogStorageEngine reader = fixture.engine(database);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    engine.appendEvents(plainEvent(new Noted(writer + "/" + i)));
                }
            }));
        }
        Future<List<String>> live = threads.submit(() -> {
            List<String> seen = new ArrayList<>();
            TrackingToken last = null;
            while (writing.get() || seen.size() < 200) {
                for (TrackedEventMessage<?> event : readAll(reader, last)) {
                    assertThat(indexOf(event)).isEqualTo(seen.size());
                    seen.add(event.getIdentifier());
                    last = event.trackingToken();
                }
            }
            return seen;
        });
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        List<String> liveOrder = live.get();
        threads.shutdown();

        assertThat(readAll(engine, null)).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(liveOrder);
    }

    @Test
    void tailAndHeadTokensFollowAxonsConventions() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();

        engine.appendEvents(plainEvent(new Noted("x")), plainEvent(new Noted("y")));
        engine.appendEvents(plainEvent(new Noted("z")));

        assertThat(engine.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(readAll(engine, engine.createTailToken())).hasSize(3);
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
    }

    @Test
    void aTokenAtATimeStartsAtTheFirstEventInLogOrderStampedThenOrLater() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        // timestamps are not ordered in the log: a late writer may commit an earlier-stamped event
        long[] minutes = {0, 10, 5, 20, 15, 30};
        for (long minute : minutes) {
            engine.appendEvents(stamped(t0.plusSeconds(60 * minute)));
        }

        assertThat(engine.createTokenAt(t0)).isEqualTo(new GlobalSequenceTrackingToken(-1));
        assertThat(engine.createTokenAt(t0.plusSeconds(60 * 4))).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.createTokenAt(t0.plusSeconds(60 * 12))).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(engine.createTokenAt(t0.plusSeconds(60 * 20))).isEqualTo(new GlobalSequenceTrackingToken(2));
        assertThat(engine.createTokenAt(t0.plusSeconds(60 * 25))).isEqualTo(new GlobalSequenceTrackingToken(4));
        assertThat(engine.createTokenAt(t0.plusSeconds(60 * 31))).isEqualTo(engine.createHeadToken());
    }

    @Test
    void timestampsSurviveToTheNanosecond() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        Instant precise = Instant.parse("2026-03-04T05:06:07.123456789Z");
        engine.appendEvents(new GenericDomainEventMessage<>("Case", "n", 0, new Noted("t"), MetaData.emptyInstance(),
                                                            UUID.randomUUID().toString(), precise));

        assertThat(readAll(engine, null).get(0).getTimestamp()).isEqualTo(precise);
        assertThat(engine.readEvents("n").next().getTimestamp()).isEqualTo(precise);
    }

    private static EventMessage<?> stamped(Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), new Noted(timestamp.toString()),
                                         Collections.emptyMap(), timestamp);
    }
}
