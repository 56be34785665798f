package org.ewn.audit;

import org.ewn.store.LoggedEvent;

import java.util.List;

/** Where the tree's leaves come from: the chain hashes of the log's events, as {@code LogStorageEngine#hashesFrom} reads them. */
@FunctionalInterface
public interface LeafSource {

    /** Up to {@code max} events from global index {@code from} on, in order; fewer at the end of the log. */
    List<LoggedEvent> hashesFrom(long from, int max);
}
