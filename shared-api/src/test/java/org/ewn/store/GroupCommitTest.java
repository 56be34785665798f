package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
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

class GroupCommitTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void concurrentAppendsShareCommits() throws Exception {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        int appenders = 16;
        int callsEach = 25;

        runConcurrently(appenders, appender -> {
            for (int call = 0; call < callsEach; call++) {
                engine.appendEvents(event("case-" + appender, 2L * call, new Noted("a")),
                                    event("case-" + appender, 2L * call + 1, new Noted("b")));
            }
        });

        assertThat(engine.appendCallsCommitted()).isEqualTo(appenders * callsEach);
        assertThat(engine.eventsCommitted()).isEqualTo(2L * appenders * callsEach);
        assertThat(engine.commitsWritten()).isLessThan(engine.appendCallsCommitted());
        assertThat(database.getCollection(LogStorageEngine.COMMITS).countDocuments()).isEqualTo(engine.commitsWritten());
        assertThat(new ChainVerifier(database).verify().eventsVerified()).isEqualTo(2L * appenders * callsEach);
    }

    @Test
    void aCommitHoldsNoMoreThanTheBoundUnlessOneCallIsLarger() throws Exception {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database, options -> options.maxEventsPerCommit(5));

        runConcurrently(8, appender -> {
            for (int call = 0; call < 10; call++) {
                engine.appendEvents(plainEvent(new Noted("x")), plainEvent(new Noted("y")));
            }
        });
        List<EventMessage<?>> large = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            large.add(plainEvent(new Noted("large " + i)));
        }
        engine.appendEvents(large);

        List<Integer> sizes = new ArrayList<>();
        for (Document commit : database.getCollection(LogStorageEngine.COMMITS).find()) {
            sizes.add(commit.getList("events", Document.class).size());
        }
        assertThat(sizes).filteredOn(size -> size > 5).containsExactly(12);
        assertThat(sizes).filteredOn(size -> size > 2 && size <= 5).isNotEmpty();
    }

    @Test
    void aConflictingCallFailsAloneWhileItsCommitCompanionsSucceed() throws Exception {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("taken", 0, new Noted("first")));

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        runConcurrently(12, appender -> {
            try {
                if (appender % 3 == 0) {
                    engine.appendEvents(event("fresh-" + appender, 0, new Noted("ok")),
                                        event("taken", 0, new Noted("conflict")));
                } else {
                    engine.appendEvents(event("fresh-" + appender, 0, new Noted("ok")));
                }
            } catch (ConcurrencyException e) {
                failures.add(e);
            }
        });

        assertThat(failures).hasSize(4);
        assertThat(readAll(engine, null)).hasSize(1 + 8);
        for (int appender = 0; appender < 12; appender++) {
            assertThat(engine.lastSequenceNumberFor("fresh-" + appender).isPresent()).isEqualTo(appender % 3 != 0);
        }
    }

    @Test
    void closingCommitsWhatWasQueuedAndRefusesMore() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        engine.appendEvents(plainEvent(new Noted("before")));

        engine.close();
        engine.close();

        assertThat(readAll(engine, null)).hasSize(1);
        assertThatThrownBy(() -> engine.appendEvents(plainEvent(new Noted("after"))))
                .hasMessageContaining("closed");
    }

    private interface Appender {
        void run(int appender) throws Exception;
    }

    private static void runConcurrently(int appenders, Appender appender) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(appenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < appenders; i++) {
            int number = i;
            work.add(threads.submit(() -> {
                start.await();
                appender.run(number);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get();
        }
        threads.shutdown();
    }
}
