package org.ewn.command.transfer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.ewn.api.transfer.RemindOverdueTransfer;
import org.ewn.api.transfer.TransferId;
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
 * Reminds the party whose answer to a transfer is overdue. Every command node runs it over the shared deadlines; the
 * transfer records one reminder, so several nodes asking at once, or asking again after a restart, changes nothing.
 */
@Component
class TransferReminders implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TransferReminders.class);

    private final MongoCollection<Document> deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final ScheduledExecutorService watch;

    TransferReminders(MongoDatabase database, CommandGateway commands, Clock clock, TransferProperties properties) {
        this.deadlines = database.getCollection(TransferDeadlines.DEADLINES);
        this.commands = commands;
        this.clock = clock;
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-transfer-reminders");
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
                    remind(TransferId.of(deadline.getString("_id")), now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for overdue transfers; trying again: {}", e.toString());
        }
    }

    private void remind(TransferId transferId, Instant now) {
        try {
            commands.sendAndWait(new RemindOverdueTransfer(transferId, now));
        } catch (RuntimeException e) {
            // another node reminded at the same moment, or the transfer is not loadable now: the next round asks again
            log.debug("Reminding of transfer {} did not go through: {}", transferId, e.toString());
        }
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }
}
