package org.ewn.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How an alert is to be handled and weighed, beyond its category and precedence: the TLP marking, the originator's
 * restrictions, the source's reliability and the information's accuracy (the 3x5x2 grading of police intelligence),
 * whether it is real or a drill, when it is valid, and its attachments.
 *
 * @param accuracy   1 known to be true without reservation, 2 known personally to the source, 3 not known
 *                   personally but corroborated, 4 cannot be judged
 * @param validUntil when it expires, or null if it does not
 */
public record AlertDetails(HandlingMarking marking,
                           OriginatorRestrictions restrictions,
                           SourceReliability reliability,
                           int accuracy,
                           AlertStatus status,
                           Instant validFrom,
                           Instant validUntil,
                           List<AttachmentReference> attachments) {

    public AlertDetails {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(restrictions, "restrictions");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validFrom, "validFrom");
        if (accuracy < 1 || accuracy > 4) {
            throw new IllegalArgumentException("accuracy is graded 1 to 4");
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must come after validFrom");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
