package org.ewn.command.alert;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an accepted alert submission, the same however often the submission is repeated.
 *
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record AlertAccepted(UUID alertId, UUID submissionId, AgencyCode originator, List<MemberCode> addressees,
                     String receipt) {
}
