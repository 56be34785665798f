package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;
import static org.ewn.store.StoreFixture.readAll;

/** Two engines on two clients, as two command nodes would be, appending to one store at once. */
class TwoWriterTest {

    private static final int THREADS_PER_WRITER = 4;
    private static final int OPERATIONS_PER_THREAD = 40;
    private static final List<String> AGGREGATES = List.of("case-1", "case-2", "case-3");

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void twoWritersKeepTheLogContiguousChainedAndComplete() throws Exception {
        String name = fixture.freshDatabase().getName();
        MongoDatabase databaseOfNodeA = fixture.client().getDatabase(name);
        MongoDatabase databaseOfNodeB = fixture.client().getDatabase(name);
        List<LogStorageEngine> writers = List.of(fixture.engine(databaseOfNodeA), fixture.engine(databaseOfNodeB));
        Set<String> appended = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();

        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_WRITER);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_WRITER; t++) {
            LogStorageEngine writer = writers.get(t % 2);
            Random random = new Random(t);
            work.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    appended.addAll(appendOnce(writer, random, conflicts));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get();
        }
        threads.shutdown();
        for (LogStorageEngine writer : writers) {
            // each node indexes its own commits after they return; the other node sees them once it has
            writer.indexWriter().awaitIndexed();
        }

        assertThat(conflicts.get()).as("aggregates were contended").isPositive();
        assertThat(writers.get(0).headsLost() + writers.get(1).headsLost()).as("commit numbers were contended")
                                                                          .isPositive();
        List<TrackedEventMessage<?>> log = readAll(fixture.engine(fixture.client().getDatabase(name)), null);
        for (int i = 0; i < log.size(); i++) {
            assertThat(StoreFixture.indexOf(log.get(i))).isEqualTo(i);
        }
        List<String> ids = log.stream().map(EventMessage::getIdentifier).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size()).isEqualTo(appended);

        ChainVerifier.Result chain = new ChainVerifier(databaseOfNodeA).verify();
        assertThat(chain.intact()).as("%s", chain).isTrue();
        assertThat(chain.eventsVerified()).isEqualTo(log.size());

        Map<String, List<Long>> sequences = new HashMap<>();
        log.stream().filter(DomainEventMessage.class::isInstance).map(DomainEventMessage.class::cast)
           .forEach(e -> sequences.computeIfAbsent(e.getAggregateIdentifier(), id -> new ArrayList<>())
                                  .add(e.getSequenceNumber()));
        for (String aggregate : AGGREGATES) {
            List<Long> inLogOrder = sequences.get(aggregate);
            for (int i = 0; i < inLogOrder.size(); i++) {
                assertThat(inLogOrder.get(i)).isEqualTo(i);
            }
            List<Long> indexedCommits = databaseOfNodeA.getCollection(LogStorageEngine.AGGREGATES)
                    .find(Filters.eq("_id", aggregate)).first()
                    .getList("commits", Document.class).stream().map(entry -> entry.getLong("c")).toList();
            assertThat(indexedCommits).as("re-applied index entries are kept once").doesNotHaveDuplicates();
            for (LogStorageEngine writer : writers) {
                assertThat(writer.readEvents(aggregate).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                                   .containsExactlyElementsOf(inLogOrder);
            }
        }
    }

    /** Appends a plain event, or one or two events to a random aggregate, retrying on conflict like a command would. */
    private static List<String> appendOnce(LogStorageEngine writer, Random random, AtomicInteger conflicts) {
        if (random.nextInt(4) == 0) {
            EventMessage<?> plain = plainEvent(new Noted("plain"));
            writer.appendEvents(plain);
            return List.of(plain.getIdentifier());
        }
        String aggregate = AGGREGATES.get(random.nextInt(AGGREGATES.size()));
        while (true) {
            long next = writer.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(2); i++) {
                events.add(event(aggregate, next + i, new Noted(aggregate + "@" + (next + i))));
            }
            try {
                writer.appendEvents(events);
                return events.stream().map(EventMessage::getIdentifier).toList();
            } catch (ConcurrencyException e) {
                conflicts.incrementAndGet();
            }
        }
    }
}
