package org.ewn.command.transfer;

import org.ewn.api.member.AgencyCode;

import java.util.UUID;

/**
 * The answer to an accepted transfer step, the same however often its submission is repeated.
 *
 * @param status  where the transfer stands after the step
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record StepRecorded(UUID transferId, UUID submissionId, String type, AgencyCode sender, AgencyCode receiver,
                    String status, String receipt) {
}
