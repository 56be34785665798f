package org.ewn.command.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The signed bodies of the later steps of an alert; each names the alert it is about. */
final class AlertStepBodies {

    private AlertStepBodies() {
    }

    /** @param sealed the text sealed for the alert's addressees, instead of {@code text}; required for a sealed alert */
    record FollowUp(@NotNull UUID alertId, @Size(max = 20_000) String text,
                    com.fasterxml.jackson.databind.JsonNode sealed) {
    }

    /** @param recipients with whom the requester would share the alert, in its own words */
    record SharingRequest(@NotNull UUID alertId,
                          @NotBlank @Size(max = 1000) String recipients,
                          @NotBlank @Size(max = 1000) String purpose) {
    }

    record SharingDecision(@NotNull UUID alertId, @NotNull UUID requestId, @NotNull Boolean granted,
                           @Size(max = 2000) String reason) {
    }
}
