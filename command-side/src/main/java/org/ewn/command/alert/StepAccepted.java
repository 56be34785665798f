package org.ewn.command.alert;

import org.ewn.api.member.AgencyCode;

import java.util.UUID;

/**
 * The answer to an accepted follow-up, sharing request or sharing decision, the same however often it is repeated.
 *
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record StepAccepted(UUID alertId, UUID submissionId, String type, AgencyCode agency, String receipt) {
}
