package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;

/**
 * An addressee let the acknowledgement deadline pass: the hub escalates, once per addressee. The hub's own
 * decision, so no agency's submission stands behind it.
 */
@Revision("1")
public record AlertEscalated(AlertId alertId, MemberCode member, Instant deadline, Instant escalatedAt)
        implements AlertEvent {

    /** None: the hub escalates on its own when a deadline passes. */
    @Override
    public SignedSubmission submission() {
        return null;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.escalated(this);
    }
}
