package org.ewn.query.inbox;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.OriginatorRestrictions;
import org.ewn.api.alert.Precedence;
import org.ewn.api.alert.SourceReliability;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Alert events as the log delivers them to the inbox: each with its global index and the time it was stored. */
final class AlertLog {

    /** One stored event. */
    record Logged(AlertEvent event, long position, Instant at) {

        void projectInto(InboxProjection projection) {
            projection.on(event, new GlobalSequenceTrackingToken(position), at);
        }
    }

    private final List<Logged> logged = new ArrayList<>();
    private long next;

    AlertLog(long firstPosition) {
        this.next = firstPosition;
    }

    List<Logged> events() {
        return List.copyOf(logged);
    }

    void projectInto(InboxProjection projection) {
        logged.forEach(event -> event.projectInto(projection));
    }

    /** Other events (membership, referrals) take these positions. */
    AlertLog skip(long positions) {
        next += positions;
        return this;
    }

    static AlertDetails details(HandlingMarking marking, AlertStatus status, Instant validFrom, Instant validUntil) {
        return new AlertDetails(marking, OriginatorRestrictions.NONE, SourceReliability.B, 2, status, validFrom,
                                validUntil, List.of());
    }

    AlertId raise(Instant at, String agency, List<String> addressees, Precedence precedence, AlertCategory category,
                  AlertDetails details, Duration acknowledgeWithin, String title, String text) {
        AlertId alertId = new AlertId(UUID.randomUUID());
        append(new AlertRaised(alertId, new AgencyCode(agency), addressees.stream().map(MemberCode::of).toList(),
                precedence, category, title, text, null, details, List.of(), at.plus(acknowledgeWithin),
                submission(alertId.value(), "alert.raise", agency, at)), at);
        return alertId;
    }

    void acknowledge(Instant at, AlertId alertId, String agency) {
        AgencyCode by = new AgencyCode(agency);
        append(new AlertAcknowledged(alertId, by.member(), by, submission("alert.acknowledge", agency, at)), at);
    }

    void followUp(Instant at, AlertId alertId, int number, String agency, String text) {
        append(new AlertFollowedUp(alertId, number, new AgencyCode(agency), text, null,
                                   submission("alert.follow-up", agency, at)), at);
    }

    UUID requestSharing(Instant at, AlertId alertId, String agency, String recipients, String purpose) {
        UUID requestId = UUID.randomUUID();
        AgencyCode by = new AgencyCode(agency);
        append(new OnwardSharingRequested(alertId, requestId, by.member(), by, recipients, purpose,
                                          submission(requestId, "alert.sharing-request", agency, at)), at);
        return requestId;
    }

    void decideSharing(Instant at, AlertId alertId, UUID requestId, String requester, String agency, boolean granted,
                       String reason) {
        append(new OnwardSharingDecided(alertId, requestId, MemberCode.of(requester), granted, reason,
                new AgencyCode(agency), submission("alert.sharing-decision", agency, at)), at);
    }

    void withdraw(Instant at, AlertId alertId, String agency, String reason) {
        append(new AlertWithdrawn(alertId, new AgencyCode(agency), reason, submission("alert.withdraw", agency, at)),
               at);
    }

    void escalate(Instant at, AlertId alertId, String member, Instant deadline) {
        append(new AlertEscalated(alertId, MemberCode.of(member), deadline, at), at);
    }

    private void append(AlertEvent event, Instant at) {
        logged.add(new Logged(event, next++, at));
    }

    private static SignedSubmission submission(String type, String agency, Instant at) {
        return submission(UUID.randomUUID(), type, agency, at);
    }

    /** Signed a second before the hub received it. */
    private static SignedSubmission submission(UUID id, String type, String agency, Instant at) {
        return new SignedSubmission(id, type, new AgencyCode(agency), "kid", at.minusSeconds(1), at,
                                    "hash-" + id, "h.p.s");
    }
}
