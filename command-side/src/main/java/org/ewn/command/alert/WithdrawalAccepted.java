package org.ewn.command.alert;

import org.ewn.api.member.AgencyCode;

import java.util.UUID;

/**
 * The answer to an accepted withdrawal, the same however often it is repeated.
 *
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record WithdrawalAccepted(UUID alertId, UUID submissionId, AgencyCode agency, String reason, String receipt) {
}
