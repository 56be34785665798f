package org.ewn.command.escalation;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.EscalateAlert;
import org.ewn.api.member.MemberCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Escalates alerts whose acknowledgement deadline has passed. Every command node runs it over the shared deadlines,
 * so a deadline fires even when nodes come and go; the alert itself records one escalation per addressee, so that
 * several nodes asking at once, or a node asking again after a restart, changes nothing.
 */
@Component
@EnableConfigurationProperties(EscalationProperties.class)
class DeadlineWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final DeadlineSweep sweep;

    DeadlineWatch(MongoDatabase database, CommandGateway commands, Clock clock, EscalationProperties properties) {
        this.sweep = new DeadlineSweep("alert deadlines", database.getCollection(DeadlineProjection.DEADLINES), clock,
                properties.checkInterval(), (deadline, now) -> {
                    AlertId alertId = AlertId.of(deadline.getString("_id"));
                    for (String member : deadline.getList("pending", String.class, List.of())) {
                        escalate(commands, alertId, MemberCode.of(member), now);
                    }
                });
    }

    /** One addressee at a time, so that one that does not go through leaves the others escalated. */
    private static void escalate(CommandGateway commands, AlertId alertId, MemberCode member, Instant now) {
        try {
            commands.sendAndWait(new EscalateAlert(alertId, member, now));
        } catch (RuntimeException e) {
            // another node escalated at the same moment, or the alert is not loadable now: the next round asks again
            log.debug("Escalating alert {} for {} did not go through: {}", alertId, member, e.toString());
        }
    }

    @Override
    public void destroy() {
        sweep.close();
    }
}
