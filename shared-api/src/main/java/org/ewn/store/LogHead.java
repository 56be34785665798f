package org.ewn.store;

import java.time.Instant;

/** What a writer must know to append after the last commit: its number, last index and hash, latest timestamp. */
record LogHead(long commit, long lastIndex, byte[] lastHash, Instant maxTimestamp) {

    static final LogHead EMPTY = new LogHead(-1, -1, EventHash.GENESIS, null);

    static LogHead of(Commit commit) {
        return new LogHead(commit.number(), commit.last().index(), commit.last().hash(), commit.maxTimestamp());
    }
}
