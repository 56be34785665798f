package org.ewn.api.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One step in an alert's history; which of the optional fields it carries depends on its kind.
 *
 * @param position  the global index of the step's event in the log
 * @param at        when the hub accepted the signed submission behind it, or escalated
 * @param agency    the agency that submitted it; null for an escalation, which is the hub's own
 * @param member    who acknowledged, or was escalated; who asked to share onward, also on the decision
 * @param number    a follow-up's number, from 1
 * @param text      the alert's text when raised, or a follow-up's text
 * @param reason    why it was withdrawn, or why onward sharing was granted or refused
 * @param requestId the onward-sharing request that a request or decision step is about
 * @param granted   whether onward sharing was granted
 * @param signature who signed it, checked again when shown; null where not checked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxStep(long position, Instant at, Kind kind, AgencyCode agency, MemberCode member, Integer number,
                        String text, String reason, UUID requestId, String recipients, String purpose,
                        Boolean granted, StepSignature signature) {

    /** What happened. */
    public enum Kind { RAISED, ACKNOWLEDGED, ESCALATED, FOLLOWED_UP, WITHDRAWN, SHARING_REQUESTED, SHARING_DECIDED }

    public InboxStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }

    /** The same step with its checked signature. */
    public InboxStep signed(StepSignature checked) {
        return new InboxStep(position, at, kind, agency, member, number, text, reason, requestId, recipients, purpose,
                             granted, checked);
    }

    public static InboxStep raised(long position, Instant at, AgencyCode agency, String text) {
        return new InboxStep(position, at, Kind.RAISED, agency, null, null, text, null,
                             null, null, null, null, null);
    }

    public static InboxStep acknowledged(long position, Instant at, MemberCode member, AgencyCode agency) {
        return new InboxStep(position, at, Kind.ACKNOWLEDGED, agency, member, null, null, null,
                             null, null, null, null, null);
    }

    /** The addressee let the acknowledgement deadline pass and the hub escalated. */
    public static InboxStep escalated(long position, Instant at, MemberCode member) {
        return new InboxStep(position, at, Kind.ESCALATED, null, member, null, null, null,
                             null, null, null, null, null);
    }

    public static InboxStep followedUp(long position, Instant at, AgencyCode agency, int number, String text) {
        return new InboxStep(position, at, Kind.FOLLOWED_UP, agency, null, number, text, null,
                             null, null, null, null, null);
    }

    public static InboxStep withdrawn(long position, Instant at, AgencyCode agency, String reason) {
        return new InboxStep(position, at, Kind.WITHDRAWN, agency, null, null, null, reason,
                             null, null, null, null, null);
    }

    public static InboxStep sharingRequested(long position, Instant at, UUID requestId, MemberCode member,
                                             AgencyCode agency, String recipients, String purpose) {
        return new InboxStep(position, at, Kind.SHARING_REQUESTED, agency, member, null, null, null, requestId,
                             recipients, purpose, null, null);
    }

    public static InboxStep sharingDecided(long position, Instant at, UUID requestId, MemberCode requester,
                                           AgencyCode agency, boolean granted, String reason) {
        return new InboxStep(position, at, Kind.SHARING_DECIDED, agency, requester, null, null, reason, requestId,
                             null, null, granted, null);
    }
}
