package org.ewn.api.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ewn.api.subject.PersonalData;

import java.time.Instant;
import java.util.UUID;

/**
 * A person an alert is about, as its readers see it: the personal data, opened by the hub for those entitled to
 * read the alert, or a mark that it was erased.
 *
 * @param personalData null once erased
 * @param erased       true when the subject's key has been destroyed, by request or by the retention policy
 * @param erasedAt     when a request erased the subject whole; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxSubject(UUID subject, PersonalData personalData, boolean erased, Instant erasedAt) {

    public static InboxSubject open(UUID subject, PersonalData data) {
        return new InboxSubject(subject, data, false, null);
    }

    public static InboxSubject erased(UUID subject, Instant erasedAt) {
        return new InboxSubject(subject, null, true, erasedAt);
    }
}
