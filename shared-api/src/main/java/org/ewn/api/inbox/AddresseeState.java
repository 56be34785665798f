package org.ewn.api.inbox;

import org.ewn.api.member.MemberCode;

import java.time.Instant;

/**
 * Where an alert stands with one addressee, as its originator's member sees it.
 *
 * @param acknowledgedAt null until acknowledged
 */
public record AddresseeState(MemberCode member, State state, Instant acknowledgedAt) {

    /** Delivered to the inbox; acknowledged; or past the acknowledgement deadline without one. */
    public enum State { DELIVERED, ACKNOWLEDGED, OVERDUE }
}
