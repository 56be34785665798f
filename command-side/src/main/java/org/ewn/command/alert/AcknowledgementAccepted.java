package org.ewn.command.alert;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.util.UUID;

/**
 * The answer to an accepted acknowledgement, the same however often it is repeated.
 *
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record AcknowledgementAccepted(UUID alertId, UUID submissionId, MemberCode member, AgencyCode agency,
                               String receipt) {
}
