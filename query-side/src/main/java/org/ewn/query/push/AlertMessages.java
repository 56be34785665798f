package org.ewn.query.push;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an officer's console receives for each alert event: a JSON object with the event's {@code kind},
 * {@code alertId} and {@code position} (its global index in the log, which a reconnecting client sends back as
 * {@code last-position}), and the fields of that kind. A new alert comes whole, as the inbox shows it; later events
 * carry only what changed, timed by when the hub accepted their signed submission (an escalation, the hub's own, by
 * when the hub escalated).
 */
final class AlertMessages {

    private AlertMessages() {
    }

    static Object of(AlertEvent event, long position, Instant loggedAt) {
        return event.dispatch(new AlertEvent.Cases<Object>() {
            @Override
            public Object raised(AlertRaised raised) {
                return new Raised("raised", new InboxAlert(raised.alertId(), position, raised.originator(),
                        raised.addressees(), raised.precedence(), raised.category(), raised.title(), raised.text(),
                        raised.sealed() != null, raised.submittedAt(), loggedAt, raised.details(), raised.acknowledgeBy(), List.of(),
                        List.of(), null));
            }

            @Override
            public Object acknowledged(AlertAcknowledged acknowledged) {
                return new Acknowledged("acknowledged", acknowledged.alertId(), position, acknowledged.member(),
                        acknowledged.agency(), acknowledged.submission().receivedAt());
            }

            @Override
            public Object withdrawn(AlertWithdrawn withdrawn) {
                return new Withdrawn("withdrawn", withdrawn.alertId(), position, withdrawn.agency(), withdrawn.reason(),
                        withdrawn.submission().receivedAt());
            }

            @Override
            public Object followedUp(AlertFollowedUp followedUp) {
                return new FollowedUp("followedUp", followedUp.alertId(), position, followedUp.number(),
                        followedUp.agency(), followedUp.text(), followedUp.submission().receivedAt());
            }

            @Override
            public Object sharingRequested(OnwardSharingRequested requested) {
                return new SharingRequested("sharingRequested", requested.alertId(), position, requested.requestId(),
                        requested.member(), requested.agency(), requested.recipients(), requested.purpose(),
                        requested.submission().receivedAt());
            }

            @Override
            public Object sharingDecided(OnwardSharingDecided decided) {
                return new SharingDecided("sharingDecided", decided.alertId(), position, decided.requestId(),
                        decided.requester(), decided.granted(), decided.reason(), decided.agency(),
                        decided.submission().receivedAt());
            }

            @Override
            public Object escalated(AlertEscalated escalated) {
                return new Escalated("escalated", escalated.alertId(), position, escalated.member(),
                        escalated.deadline(), escalated.escalatedAt());
            }
        });
    }

    /** What a supervisor of the addressee is told when the addressee let an alert's deadline pass. */
    static Object escalationNotice(AlertEscalated escalated, long position, Audience audience) {
        return new EscalationNotice("escalated", escalated.alertId(), position, escalated.member(),
                escalated.deadline(), escalated.escalatedAt(), audience.precedence(), audience.title());
    }

    /** The alert as the inbox shows it, with its position, no acknowledgement yet and no withdrawal. */
    record Raised(String kind, @JsonUnwrapped InboxAlert alert) {
    }

    record Acknowledged(String kind, AlertId alertId, long position, MemberCode member, AgencyCode agency,
                        Instant acknowledgedAt) {
    }

    record Withdrawn(String kind, AlertId alertId, long position, AgencyCode agency, String reason,
                     Instant withdrawnAt) {
    }

    record FollowedUp(String kind, AlertId alertId, long position, int number, AgencyCode agency, String text,
                      Instant followedUpAt) {
    }

    record SharingRequested(String kind, AlertId alertId, long position, UUID requestId, MemberCode member,
                            AgencyCode agency, String recipients, String purpose, Instant requestedAt) {
    }

    record SharingDecided(String kind, AlertId alertId, long position, UUID requestId, MemberCode requester,
                          boolean granted, String reason, AgencyCode agency, Instant decidedAt) {
    }

    /** An escalation as a supervisor sees it: with the alert's precedence and title, so it can be acted on. */
    record EscalationNotice(String kind, AlertId alertId, long position, MemberCode member, Instant deadline,
                            Instant escalatedAt, Precedence precedence, String title) {
    }

    /** The hub's own event: the addressee {@code member} had not acknowledged by the {@code deadline}. */
    record Escalated(String kind, AlertId alertId, long position, MemberCode member, Instant deadline,
                     Instant escalatedAt) {
    }
}
