package org.ewn.api.casework;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An event that moves a referral or a case transfer to a new status. It names who is to hear of it: the agencies on
 * either side (told by callback, if they registered one) and the members whose officers see it live and in their
 * lists. It never carries personal data or case text, only where the case stands.
 */
public interface CaseStatusChanged {

    CaseKind caseKind();

    UUID caseId();

    /** The status the case is in after this event, such as SUBMITTED, ACCEPTED, CLOSED. */
    String status();

    /** The agencies on either side of the case. */
    Set<AgencyCode> parties();

    /** The members whose officers see the case: those of the parties. */
    default Set<MemberCode> members() {
        return parties().stream().map(AgencyCode::member).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** When the hub accepted the step. */
    Instant at();
}
