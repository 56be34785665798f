package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;

/**
 * An alert was raised by an agency and addressed to the listed members (sorted, never empty).
 *
 * @param details       its handling, grading, status, validity and attachments
 * @param sealed        the alert's text sealed for its addressees (a JWE in JSON serialization), which the hub
 *                      stores and routes but cannot open; null when the text is in the clear
 * @param subjects      the people it is about, as ciphertext that only the subjects' keys open (none in alerts
 *                      raised before personal data was taken)
 * @param acknowledgeBy when each addressee must have acknowledged it, set by its precedence
 * @param submission    the signed submission that raised it, kept whole so that it can be verified again
 */
@Revision("1")
public record AlertRaised(AlertId alertId,
                          AgencyCode originator,
                          List<MemberCode> addressees,
                          Precedence precedence,
                          AlertCategory category,
                          String title,
                          String text,
                          String sealed,
                          AlertDetails details,
                          List<ProtectedData> subjects,
                          Instant acknowledgeBy,
                          SignedSubmission submission) implements AlertEvent {

    public AlertRaised {
        addressees = List.copyOf(addressees);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** When the hub accepted the signed submission that raised the alert. */
    public Instant submittedAt() {
        return submission.receivedAt();
    }

    public boolean isAddressedTo(MemberCode member) {
        return addressees.contains(member);
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.raised(this);
    }
}
