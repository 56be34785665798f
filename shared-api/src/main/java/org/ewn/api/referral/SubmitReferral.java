package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Refers a person to an agency for services, on behalf of a verified submission. The receiving agency is already
 * known to be registered; whether the consent holds is the referral's own rule.
 *
 * @param summary       the case summary in the clear, or null when sealed
 * @param sealedSummary the summary sealed to the receiving agency and the referring member, or null
 * @param subject       the person's personal data, encrypted under a key of that person alone
 * @param acceptBy      when the receiving agency must have answered
 */
public record SubmitReferral(@TargetAggregateIdentifier ReferralId referralId,
                             AgencyCode referringAgency,
                             AgencyCode receivingAgency,
                             List<Service> services,
                             Urgency urgency,
                             Consent consent,
                             String summary,
                             String sealedSummary,
                             ProtectedData subject,
                             Instant acceptBy,
                             SignedSubmission submission) {

    public SubmitReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(referringAgency, "referringAgency");
        Objects.requireNonNull(receivingAgency, "receivingAgency");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(acceptBy, "acceptBy");
        Objects.requireNonNull(submission, "submission");
        services = services == null ? List.of() : List.copyOf(services);
    }
}
