package org.ewn.command.referral;

import org.ewn.api.member.AgencyCode;

import java.time.Instant;
import java.util.UUID;

/**
 * The hub's answer to a referral submission, the same however often the submission is repeated.
 *
 * @param acceptBy when the receiving agency must have accepted or declined it
 * @param receipt  the hub's signed receipt (JWS compact serialization)
 */
record ReferralReceived(UUID referralId, UUID submissionId, AgencyCode referringAgency, AgencyCode receivingAgency,
                        Instant acceptBy, String receipt) {
}
