package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import org.ewn.api.subject.ProtectedData;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Raises an alert on behalf of a verified submission. The addressees are already resolved: "all
 * members" becomes the explicit list of members at the time of raising, so the event records exactly
 * who was addressed.
 *
 * @param sealed        the alert's text sealed for its addressees (a JWE in JSON serialization), which the hub
 *                      stores and routes but cannot open; null when the text is in the clear
 * @param subjects      the people it is about, their personal data encrypted under keys of each person alone
 * @param acknowledgeBy when each addressee must have acknowledged it
 * @param submission    the verified signed submission that asks for it
 */
public record RaiseAlert(@TargetAggregateIdentifier AlertId alertId,
                         AgencyCode originator,
                         SortedSet<MemberCode> addressees,
                         Precedence precedence,
                         AlertCategory category,
                         String title,
                         String text,
                         String sealed,
                         AlertDetails details,
                         List<ProtectedData> subjects,
                         Instant acknowledgeBy,
                         SignedSubmission submission) {

    public RaiseAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
        Objects.requireNonNull(submission, "submission");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        addressees = new TreeSet<>(Objects.requireNonNull(addressees, "addressees"));
    }
}
