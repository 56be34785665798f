package org.ewn.command.escalation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.EscalateAlert;
import org.ewn.api.member.MemberCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Escalates alerts whose acknowledgement deadline has passed. Every command node runs it over the shared deadlines,
 * so a deadline fires even when nodes come and go; the alert itself records one escalation per addressee, so that
 * several nodes asking at once, or a node asking again after a restart, changes nothing. It reads all open deadlines
 * each time: they are the alerts still awaiting acknowledgements, some thousands at most.
 */
@Component
@EnableConfigurationProperties(EscalationProperties.class)
class DeadlineWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final MongoCollection<Document> deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final ScheduledExecutorService watch;

    DeadlineWatch(MongoDatabase database, CommandGateway commands, Clock clock, EscalationProperties properties) {
        this.deadlines = database.getCollection(DeadlineProjection.DEADLINES);
        this.commands = commands;
        this.clock = clock;
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-deadline-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(10, properties.checkInterval().toMillis());
        watch.scheduleWithFixedDelay(this::escalateOverdue, interval, interval, TimeUnit.MILLISECONDS);
    }

    void escalateOverdue() {
        try {
            Instant now = clock.instant();
            for (Document deadline : deadlines.find()) {
                if (!deadline.getDate("dueAt").toInstant().isAfter(now)) {
                    AlertId alertId = AlertId.of(deadline.getString("_id"));
                    for (String member : deadline.getList("pending", String.class, List.of())) {
                        escalate(alertId, MemberCode.of(member), now);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for passed deadlines; trying again: {}", e.toString());
        }
    }

    private void escalate(AlertId alertId, MemberCode member, Instant now) {
        try {
            commands.sendAndWait(new EscalateAlert(alertId, member, now));
        } catch (RuntimeException e) {
            // another node escalated at the same moment, or the alert is not loadable now: the next round asks again
            log.debug("Escalating alert {} for {} did not go through: {}", alertId, member, e.toString());
        }
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }
}
