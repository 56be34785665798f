package org.ewn.command.submission;

import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

/**
 * A submission id seen before: the same signed content again gets the first answer, whoever sends it; other content
 * under that id is refused as a replay.
 */
public final class Repeats {

    private Repeats() {
    }

    /** Refuses {@code again} unless it carries the content first recorded under its id. */
    public static void mustRepeat(String firstContentHash, SignedSubmission again) {
        if (!firstContentHash.equals(again.contentHash())) {
            throw replayed(again);
        }
    }

    /** Refuses {@code again} unless it is the same submission as {@code first}, under the same id. */
    public static void mustRepeat(SignedSubmission first, SignedSubmission again) {
        if (!first.sameContentAs(again)) {
            throw replayed(again);
        }
    }

    private static TrustException replayed(SignedSubmission submission) {
        return new TrustException(TrustFailure.REPLAYED_SUBMISSION, "Submission id " + submission.submissionId()
                + " was already used for other content; sign a new submission with a new submission id");
    }
}
