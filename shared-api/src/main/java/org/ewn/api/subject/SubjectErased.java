package org.ewn.api.subject;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;

/**
 * A subject's personal data was erased: the listed keys were destroyed, so every ciphertext under them is noise
 * from now on. The event names no personal data: the subject's random id, the key ids, who and on what basis.
 *
 * @param erasedBy   the administrator agency that asked for it; null when the hub's retention policy erased it
 * @param complete   true when all of the subject's data was erased and no more may be recorded for it
 * @param kind       for a retention erasure, the kind of data whose period ended
 * @param submission the signed request; null for the retention policy
 */
@Revision("1")
public record SubjectErased(SubjectId subjectId,
                            AgencyCode erasedBy,
                            String legalBasis,
                            boolean complete,
                            DataKind kind,
                            List<String> keyIds,
                            Instant erasedAt,
                            SignedSubmission submission) {

    public SubjectErased {
        keyIds = keyIds == null ? List.of() : List.copyOf(keyIds);
    }
}
