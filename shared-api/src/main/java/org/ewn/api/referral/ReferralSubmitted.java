package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;

/**
 * An agency referred a person to another agency for services.
 *
 * @param consent       the consent the referral rests on, found valid when it was submitted
 * @param summary       the case summary in the clear, or null when it is sealed
 * @param sealedSummary the summary sealed to the receiving agency and the referring member (a JWE in JSON
 *                      serialization), which the hub stores but cannot open; null when it is in the clear
 * @param subject       the person's personal data, as ciphertext that only the person's key opens
 * @param acceptBy      when the receiving agency must have accepted or declined it, set by its urgency
 */
@Revision("1")
public record ReferralSubmitted(ReferralId referralId,
                                AgencyCode referringAgency,
                                AgencyCode receivingAgency,
                                List<Service> services,
                                Urgency urgency,
                                Consent consent,
                                String summary,
                                String sealedSummary,
                                ProtectedData subject,
                                Instant acceptBy,
                                SignedSubmission submission) implements ReferralStatusChanged {

    public ReferralSubmitted {
        services = List.copyOf(services);
    }

    @Override
    public ReferralStatus referralStatus() {
        return ReferralStatus.SUBMITTED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.submitted(this);
    }
}
