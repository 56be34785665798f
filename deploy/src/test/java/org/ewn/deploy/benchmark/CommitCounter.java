package org.ewn.deploy.benchmark;

import org.ewn.store.LogStorageEngine;

/** Reads our engine's counters and the driver's round trips at the edges of a measured window. */
final class CommitCounter implements FixedDurationLoad.Window {

    private final LogStorageEngine engine;
    private final RoundTrips roundTrips;
    private long[] opened;
    private long[] closed;
    private RoundTrips.Snapshot tripsOpened;
    private RoundTrips.Snapshot tripsClosed;

    CommitCounter(LogStorageEngine engine, RoundTrips roundTrips) {
        this.engine = engine;
        this.roundTrips = roundTrips;
    }

    @Override
    public void opened() {
        opened = counters();
        tripsOpened = roundTrips.snapshot();
    }

    @Override
    public void closed() {
        closed = counters();
        tripsClosed = roundTrips.snapshot();
    }

    String eventsPerCommit() {
        long commits = closed[0] - opened[0];
        return String.format("%,d commits, %.2f events per commit", commits,
                             (double) (closed[1] - opened[1]) / Math.max(1, commits));
    }

    String roundTripsPerCommit() {
        return tripsClosed.perUnitSince(tripsOpened, Math.max(1, closed[0] - opened[0]), "commit");
    }

    private long[] counters() {
        return new long[]{engine.commitsWritten(), engine.eventsCommitted()};
    }
}
