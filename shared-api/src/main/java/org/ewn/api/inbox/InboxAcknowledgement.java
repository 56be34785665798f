package org.ewn.api.inbox;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;

/** An addressed member's acknowledgement of an alert, as an inbox shows it. */
public record InboxAcknowledgement(MemberCode member, AgencyCode agency, Instant acknowledgedAt) {
}
