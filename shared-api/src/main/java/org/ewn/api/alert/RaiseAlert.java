package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Raises an alert on behalf of a verified submission. The addressees are already resolved: "all
 * members" becomes the explicit list of members at the time of raising, so the event records exactly
 * who was addressed.
 *
 * @param contentHash SHA-256 (hex) of the submission's content, so a repeated submission id can be told
 *                    apart from a replay of the same submission
 */
public record RaiseAlert(@TargetAggregateIdentifier AlertId alertId,
                         AgencyCode originator,
                         SortedSet<MemberCode> addressees,
                         Precedence precedence,
                         AlertCategory category,
                         String title,
                         String text,
                         Instant submittedAt,
                         String contentHash) {

    public RaiseAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(contentHash, "contentHash");
        addressees = new TreeSet<>(Objects.requireNonNull(addressees, "addressees"));
    }
}
