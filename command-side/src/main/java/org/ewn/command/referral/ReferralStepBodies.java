package org.ewn.command.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ewn.api.referral.ReferralOutcome;

import java.util.UUID;

/** The signed bodies of the later steps of a referral; each names the referral it is about. */
final class ReferralStepBodies {

    private ReferralStepBodies() {
    }

    /** {@code referral.accept} and {@code referral.progress}. */
    record Step(@NotNull UUID referralId) {
    }

    /** {@code referral.decline}, {@code referral.revoke} and {@code referral.consent-withdrawal}. */
    record WithReason(@NotNull UUID referralId, @NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code referral.close}: whether the service was delivered, and why (not). */
    record Closing(@NotNull UUID referralId, @NotNull ReferralOutcome outcome,
                   @NotBlank @Size(max = 2000) String reason) {
    }
}
