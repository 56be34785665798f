package org.ewn.api.subject;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Erases a subject's personal data by destroying its keys: all of them on a lawful request ({@code complete}), or
 * those of one kind of data whose retention period has ended.
 *
 * @param erasedBy   the administrator agency that asked for it; null when the hub erases by its retention policy
 * @param kind       the kind of data whose retention ended; null for a complete erasure
 * @param keyIds     the keys to destroy
 * @param submission the signed request; null for the retention policy
 */
public record EraseSubject(@TargetAggregateIdentifier SubjectId subjectId,
                           AgencyCode erasedBy,
                           String legalBasis,
                           boolean complete,
                           DataKind kind,
                           List<String> keyIds,
                           Instant erasedAt,
                           SignedSubmission submission) {

    public EraseSubject {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(erasedAt, "erasedAt");
        keyIds = List.copyOf(keyIds);
    }
}
