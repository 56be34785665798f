package org.ewn.query.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ewn.api.inbox.InboxSubject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the referral API answers with. */
final class ReferralViews {

    private ReferralViews() {
    }

    /**
     * A referral as its parties' members list it; never personal data or the summary.
     *
     * @param box     SENT when the caller's member referred, RECEIVED when it was referred to
     * @param overdue still awaiting an answer past its deadline
     */
    record Item(UUID referralId, String box, String referringAgency, String receivingAgency, List<String> services,
                String urgency, String status, Instant submittedAt, Instant acceptBy, boolean overdue,
                Instant updatedAt) {
    }

    /** @param total how many referrals match, over all pages */
    record Page(List<Item> referrals, int page, int size, long total) {
    }

    /**
     * One referral with its history. The consent, the person and the summary are shown to the referring member always,
     * and to the receiving member only while the referral is neither declined nor revoked.
     *
     * @param shared        whether the caller's member sees what the referral shares
     * @param sealedSummary the summary sealed to the receiving agency and the referring member (JWE JSON), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(@JsonUnwrapped Item referral, boolean shared, Map<String, Object> consent, InboxSubject subject,
                  String summary, Map<String, Object> sealedSummary, List<Step> history) {
    }

    /**
     * One step of a referral in the order of the log: a status it moved to, or OVERDUE for the hub's reminder.
     *
     * @param reason  why it was declined, closed or revoked
     * @param outcome for a closing, whether the service was delivered
     * @param cause   for a revocation, REVOKED_BY_REFERRER or CONSENT_WITHDRAWN
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(long position, String status, String agency, Instant at, String reason, String outcome, String cause) {
    }
}
