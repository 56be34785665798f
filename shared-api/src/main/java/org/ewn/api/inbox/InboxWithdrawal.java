package org.ewn.api.inbox;

import org.ewn.api.member.AgencyCode;

import java.time.Instant;

/** The originator's withdrawal of an alert, as every inbox that holds it shows it. */
public record InboxWithdrawal(AgencyCode agency, String reason, Instant withdrawnAt) {
}
