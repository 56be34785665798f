package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Objects;

/**
 * Escalates an alert for an addressee whose acknowledgement deadline has passed. Sent by the hub's deadline watch,
 * possibly by several nodes at once: the alert records one escalation per addressee and ignores the rest.
 */
public record EscalateAlert(@TargetAggregateIdentifier AlertId alertId, MemberCode member, Instant now) {

    public EscalateAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(now, "now");
    }
}
