package org.ewn.command.subject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ewn.api.subject.EraseSubject;
import org.ewn.api.subject.SubjectId;
import org.ewn.protect.ProtectionProperties;
import org.ewn.protect.SubjectKeyStore;
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
 * Erases personal data whose retention period has ended ({@code ewn.protection.retention.<KIND>}): the erasure is
 * recorded, with the period as its legal basis and the hub as its author, and then the keys are destroyed. Several
 * nodes erasing the same keys record it once.
 */
@Component
class RetentionSchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final SubjectKeyStore store;
    private final CommandGateway commands;
    private final ProtectionProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService schedule;

    RetentionSchedule(SubjectKeyStore store, CommandGateway commands, ProtectionProperties properties, Clock clock) {
        this.store = store;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, properties.retentionCheck().toMillis());
        schedule.scheduleWithFixedDelay(this::eraseExpired, interval, interval, TimeUnit.MILLISECONDS);
    }

    void eraseExpired() {
        try {
            Instant now = clock.instant();
            for (SubjectKeyStore.Due due : store.due(properties.retention(), now)) {
                commands.sendAndWait(new EraseSubject(new SubjectId(due.subject()), null, "retention period of "
                        + due.kind() + " data (" + due.period() + ") ended", false, due.kind(), due.keyIds(), now, null));
                store.destroy(due.subject(), due.keyIds());
            }
        } catch (RuntimeException e) {
            log.warn("Erasing personal data whose retention ended failed; it is tried again at the next check: {}",
                    e.toString());
        }
    }

    @Override
    public void destroy() {
        schedule.shutdownNow();
    }
}
