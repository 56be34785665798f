package org.ewn.command.referral;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ewn.api.referral.Consent;
import org.ewn.api.referral.ConsentGiver;
import org.ewn.api.referral.RecipientKind;
import org.ewn.api.referral.Service;
import org.ewn.api.referral.Urgency;
import org.ewn.command.subject.ProtectedDataBody;

import java.time.Instant;
import java.util.List;

/**
 * The signed body of a {@code referral.submit} submission. {@code subject} is the person's personal data, encrypted
 * under a key sent beside the signature (see {@code KeyedSubmission}). Give the case {@code summary} in the clear, or
 * {@code sealedSummary} encrypted to the X25519 keys of the receiving agency and of the referring member's agencies
 * (JWE JSON serialization), which only they open. Whether the consent holds is the referral's rule, answered with
 * {@code invalid-consent} or {@code consent-expired}.
 */
record SubmitReferralBody(@NotBlank @Size(max = 64) String receivingAgency,
                          @NotEmpty @Size(max = 8) List<@NotNull Service> services,
                          @NotNull Urgency urgency,
                          @NotNull @Valid ConsentBody consent,
                          @Size(max = 20_000) String summary,
                          JsonNode sealedSummary,
                          @NotNull @Valid ProtectedDataBody subject) {

    /**
     * @param child           whether the person is a child (under 18)
     * @param guardianConsent for a child: whether a parent or guardian consented
     */
    record ConsentBody(ConsentGiver consentedBy,
                       @Size(max = 1000) String purpose,
                       @Size(max = 10) List<@NotNull RecipientKind> recipientKinds,
                       Instant validUntil,
                       Boolean child,
                       Boolean guardianConsent,
                       @Size(max = 4000) String bestInterestsNote) {

        Consent toConsent() {
            return new Consent(consentedBy, purpose == null ? null : purpose.strip(), recipientKinds, validUntil,
                               Boolean.TRUE.equals(child), Boolean.TRUE.equals(guardianConsent), bestInterestsNote);
        }
    }
}
