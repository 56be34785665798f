package org.ewn.command.escalation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks over a collection of open deadlines ({@code _id}, {@code dueAt}) at a fixed interval and hands each one that
 * has passed to its owner, which sends the command that records it. It asks the store for the passed ones only,
 * through an index on {@code dueAt} where the store has one: the deadlines still ahead, as many as the alerts and
 * referrals awaiting an answer, stay where they are. Every command node runs its sweeps over the shared
 * deadlines, so a deadline is acted on even when nodes come and go; the aggregates record each step once, so several
 * nodes acting at once, or one acting again after a restart, changes nothing. A step that does not go through (another
 * node took it at the same moment, or the aggregate cannot be loaded now) is tried again at the next round.
 */
public final class DeadlineSweep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    /** What to do with one passed deadline; it may throw, and is then asked again at the next round. */
    @FunctionalInterface
    public interface Due {
        void passed(Document deadline, Instant now);
    }

    private static final String DUE_AT = "dueAt";

    private final String name;
    private final MongoCollection<Document> deadlines;
    private final Clock clock;
    private final Due due;
    private final ScheduledExecutorService watch;

    /** @param name what the sweep looks for, such as "referral deadlines": its thread's and its log lines' name */
    public DeadlineSweep(String name, MongoCollection<Document> deadlines, Clock clock, Duration interval, Due due) {
        this.name = name;
        this.deadlines = deadlines;
        this.clock = clock;
        this.due = due;
        deadlines.createIndex(Indexes.ascending(DUE_AT));
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-" + name.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(10, interval.toMillis());
        watch.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            Instant now = clock.instant();
            for (Document deadline : deadlines.find(Filters.lte(DUE_AT, Date.from(now)))) {
                try {
                    due.passed(deadline, now);
                } catch (RuntimeException e) {
                    log.debug("Acting on {} {} did not go through: {}", name, deadline.get("_id"), e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for passed {}; trying again: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
