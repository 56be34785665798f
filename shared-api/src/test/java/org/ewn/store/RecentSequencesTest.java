package org.ewn.store;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committer's memory of recent sequence numbers: bounded, yet never forgetting what the index does not hold. */
class RecentSequencesTest {

    @Test
    void keepsTheLatestCommitOfEachAggregate() {
        RecentSequences recent = new RecentSequences(10);
        recent.record(update(0, "a", 0, 1));
        recent.record(update(1, "b", 0, 0));
        recent.record(update(2, "a", 2, 4));

        assertThat(recent.lastSequence("a")).isEqualTo(4);
        assertThat(recent.lastSequence("b")).isEqualTo(0);
        assertThat(recent.lastSequence("c")).isNull();
    }

    @Test
    void evictsTheOldestBeyondTheCapacityButNothingAfterTheIndexedCommit() {
        RecentSequences recent = new RecentSequences(2);
        recent.record(update(0, "a", 0, 0));
        recent.record(update(1, "b", 0, 0));
        recent.record(update(2, "c", 0, 0));
        recent.record(update(3, "d", 0, 0));

        recent.evictIndexed(-1);
        assertThat(recent.size()).as("nothing indexed yet: over capacity, but all kept").isEqualTo(4);

        recent.evictIndexed(0);
        assertThat(recent.lastSequence("a")).isNull();
        assertThat(recent.size()).isEqualTo(3);

        recent.record(update(4, "b", 1, 1));
        recent.evictIndexed(4);
        assertThat(recent.lastSequence("b")).as("touched again, so no longer the oldest").isEqualTo(1);
        assertThat(recent.lastSequence("c")).isNull();
        assertThat(recent.lastSequence("d")).isEqualTo(0);
        assertThat(recent.size()).isEqualTo(2);
    }

    private static IndexUpdate update(long commit, String aggregateId, long first, long last) {
        Map<String, IndexUpdate.Range> ranges = new LinkedHashMap<>();
        ranges.put(aggregateId, new IndexUpdate.Range(first, last));
        return new IndexUpdate(commit, ranges);
    }
}
