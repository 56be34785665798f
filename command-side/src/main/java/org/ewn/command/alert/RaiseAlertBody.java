package org.ewn.command.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.Precedence;
import org.ewn.api.alert.SourceReliability;
import org.ewn.command.subject.ProtectedDataBody;

import java.time.Instant;
import java.util.List;

/**
 * The signed body of an {@code alert.raise} submission. Give either {@code allMembers: true}, or {@code addressees}
 * (member codes) and/or {@code groups} (address group codes, such as {@code CENTRAL-ASIA}): the signature then covers
 * exactly who the alert is for. Left out, the
 * marking is AMBER, the source X (not assessed) and the accuracy 4 (cannot be judged), the status ACTUAL, and the
 * alert is valid from its signing with no end. {@code subjects} are the people it is about, each one's personal data
 * encrypted under a key sent beside the signature (see {@code KeyedSubmission}). {@code sealed} replaces
 * {@code text} with the text encrypted to the X25519 keys of the addressees' agencies (JWE JSON serialization,
 * ECDH-ES+A256KW with A256GCM), which only they open.
 */
record RaiseAlertBody(Boolean allMembers,
                      @Size(max = 100) List<@NotBlank String> addressees,
                      @Size(max = 20) List<@NotBlank String> groups,
                      @NotNull Precedence precedence,
                      @NotNull AlertCategory category,
                      @NotBlank @Size(max = 200) String title,
                      @Size(max = 20_000) String text,
                      com.fasterxml.jackson.databind.JsonNode sealed,
                      HandlingMarking marking,
                      @Valid Restrictions restrictions,
                      SourceReliability reliability,
                      @Min(1) @Max(4) Integer accuracy,
                      AlertStatus status,
                      Instant validFrom,
                      Instant validUntil,
                      @Size(max = 20) List<@Valid @NotNull Attachment> attachments,
                      @Size(max = 50) List<@Valid @NotNull ProtectedDataBody> subjects) {

    boolean toAllMembers() {
        return Boolean.TRUE.equals(allMembers);
    }

    boolean toNamedMembersOrGroups() {
        return addressees != null && !addressees.isEmpty() || groups != null && !groups.isEmpty();
    }

    /** @param purpose the only purpose the alert may be used for */
    record Restrictions(@Size(max = 500) String purpose, Boolean onwardSharingNeedsPermission) {
    }

    record Attachment(@NotNull @Pattern(regexp = "[0-9a-f]{64}") String sha256,
                      @NotBlank @Size(max = 255) String name,
                      @NotBlank @Size(max = 100) String mediaType,
                      @PositiveOrZero long size) {
    }
}
