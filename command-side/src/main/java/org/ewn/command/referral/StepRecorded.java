package org.ewn.command.referral;

import org.ewn.api.member.AgencyCode;

import java.util.UUID;

/**
 * The hub's answer to a later step of a referral, the same however often it is repeated.
 *
 * @param status  where the referral stands after the step
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record StepRecorded(UUID referralId, UUID submissionId, String type, AgencyCode agency, String status,
                    String receipt) {
}
