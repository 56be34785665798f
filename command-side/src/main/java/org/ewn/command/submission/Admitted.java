package org.ewn.command.submission;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.util.UUID;

/** A submission that passed every check of the gate, with its signed body still to be read. */
public record Admitted(SignedSubmission submission, JsonNode body) {

    public UUID submissionId() {
        return submission.submissionId();
    }

    public AgencyCode agency() {
        return submission.agency();
    }

    public MemberCode member() {
        return submission.agency().member();
    }

    /** The signed body as the type the endpoint takes; unknown or ill-typed fields are refused. */
    public <T> T body(Class<T> type) {
        try {
            return SignedContent.JSON.treeToValue(body, type);
        } catch (Exception e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400,
                    "The signed body does not fit a " + SubmissionBodies.describe(type) + ": "
                    + SubmissionBodies.reason(e));
        }
    }
}
