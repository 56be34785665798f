package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.Noted;
import static org.ewn.store.StoreFixture.event;

/**
 * Commits of several megabytes each, as appending thousands of events at once makes: reading many of them at a time
 * must not ask for a reply larger than the driver takes (48 MB), which the embedded server would send in one piece.
 */
class LargeCommitsTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    private static final int COMMITS = 14;
    private static final String FOUR_MEGABYTES = "x".repeat(4 << 20);

    @Test
    void aLogOfLargeCommitsReadsBackWhole() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        for (int n = 0; n < COMMITS; n++) {
            engine.appendEvents(event("case-" + n, 0, new Noted(n + FOUR_MEGABYTES)));
        }

        assertThat(engine.entriesFrom(0, 1_000)).extracting(LogEntry::globalIndex)
                .containsExactlyElementsOf(Stream.iterate(0L, i -> i + 1).limit(COMMITS).toList());
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            List<String> texts = events.map(e -> ((Noted) e.getPayload()).text()).toList();
            assertThat(texts).hasSize(COMMITS);
            assertThat(texts.get(COMMITS - 1)).startsWith((COMMITS - 1) + "xxx");
        }
    }
}
