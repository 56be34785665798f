package org.ewn.command.subject;

import org.ewn.api.member.AgencyCode;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to an erasure, the same however often its submission is repeated.
 *
 * @param keysDestroyed how many of the subject's keys were destroyed
 * @param receipt       the hub's signed receipt (JWS compact serialization)
 */
record ErasureAccepted(UUID subject, UUID submissionId, AgencyCode erasedBy, String legalBasis, Instant erasedAt,
                       int keysDestroyed, String receipt) {
}
