package org.ewn.command.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.RemindOfReferral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reminds of referrals whose deadline to answer has passed. Every command node runs it over the shared deadlines; the
 * referral records one reminder only, so that several nodes asking at once, or asking again after a restart, changes
 * nothing.
 */
@Component
class ReferralDeadlineWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReferralDeadlineWatch.class);

    private final MongoCollection<Document> deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final ScheduledExecutorService watch;

    ReferralDeadlineWatch(MongoDatabase database, CommandGateway commands, Clock clock, ReferralProperties properties) {
        this.deadlines = database.getCollection(ReferralDeadlineProjection.DEADLINES);
        this.commands = commands;
        this.clock = clock;
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-referral-deadline-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(10, properties.checkInterval().toMillis());
        watch.scheduleWithFixedDelay(this::remindOverdue, interval, interval, TimeUnit.MILLISECONDS);
    }

    void remindOverdue() {
        try {
            Instant now = clock.instant();
            for (Document deadline : deadlines.find()) {
                if (!deadline.getDate("dueAt").toInstant().isAfter(now)) {
                    remind(ReferralId.of(deadline.getString("_id")), now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for referrals past their deadline; trying again: {}", e.toString());
        }
    }

    private void remind(ReferralId referralId, Instant now) {
        try {
            commands.sendAndWait(new RemindOfReferral(referralId, now));
        } catch (RuntimeException e) {
            // another node reminded at the same moment, or the referral is not loadable now: the next round asks again
            log.debug("Reminding of referral {} did not go through: {}", referralId, e.toString());
        }
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }
}
