package org.ewn.api.audit;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Objects;

/**
 * An account asked to open a record, such as an alert: logged like every other event, so that the audit stream shows
 * who looked at what and when, including the attempts that were refused.
 *
 * @param kind     what was asked for, such as {@code alert}, or {@code alert-as-of} for an auditor's look into the
 *                 past
 * @param recordId the record's id
 * @param shown    whether the record was shown; false when the account's member may not see it (or it does not exist)
 */
@Revision("1")
public record RecordViewed(String kind, String recordId, String username, AgencyCode agency, MemberCode member,
                           boolean shown, Instant viewedAt) {

    public RecordViewed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
