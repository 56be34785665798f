package org.ewn.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;
import static org.ewn.store.StoreFixture.readAll;

class AggregateConcurrencyTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void cannotAppendASequenceNumberThatIsTaken() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        engine.appendEvents(event("a", 0, new Noted("a0")), event("a", 1, new Noted("a1")));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 1, new Noted("again"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("a", 0, new Noted("recreate"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(readAll(engine, null)).hasSize(2);
    }

    @Test
    void cannotSkipASequenceNumber() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        engine.appendEvents(event("a", 0, new Noted("a0")));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 2, new Noted("a2"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("b", 1, new Noted("b1"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("c", 0, new Noted("c0")), event("c", 0, new Noted("c0"))))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void nothingOfARejectedCallIsStored() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        engine.appendEvents(event("a", 0, new Noted("a0")));

        assertThatThrownBy(() -> engine.appendEvents(event("b", 0, new Noted("b0")),
                                                     plainEvent(new Noted("plain")),
                                                     event("a", 0, new Noted("conflict"))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(readAll(engine, null)).hasSize(1);
        assertThat(engine.lastSequenceNumberFor("b")).isEmpty();
        engine.appendEvents(event("b", 0, new Noted("b0")));
        assertThat(readAll(engine, null)).extracting(StoreFixture::indexOf).containsExactly(0L, 1L);
    }

    @Test
    void anAggregateLoadsInSequenceAcrossCommits() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(event("a", 2L * i, new Noted("a" + 2 * i)), event("a", 2L * i + 1, new Noted("a")),
                                event("other-" + i, 0, new Noted("o")), plainEvent(new Noted("p")));
        }

        assertThat(engine.readEvents("a").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                      .containsExactlyElementsOf(range(0, 20));
        assertThat(engine.readEvents("a", 13).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                          .containsExactlyElementsOf(range(13, 20));
        assertThat(engine.readEvents("a", 20).asStream()).isEmpty();
        assertThat(engine.readEvents("unknown").asStream()).isEmpty();
        assertThat(engine.lastSequenceNumberFor("a")).contains(19L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void ofManyConcurrentCreatorsOfOneAggregateExactlyOneSucceeds() throws Exception {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        int creators = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(creators);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            int creator = i;
            outcomes.add(threads.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(event("contested", 0, new Noted("by " + creator)),
                                        event("contested", 1, new Noted("by " + creator)));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> outcome : outcomes) {
            successes += outcome.get() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(successes).isEqualTo(1);
        List<? extends DomainEventMessage<?>> stored = engine.readEvents("contested").asStream().toList();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).getPayload()).isEqualTo(stored.get(1).getPayload());
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n < to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
