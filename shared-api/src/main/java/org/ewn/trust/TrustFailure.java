package org.ewn.trust;

import org.ewn.api.ProblemTypes;

import java.net.URI;

/**
 * Why a signed submission or a certificate is not trusted. Each reason has its own problem type, so
 * that the developer at an agency knows what to fix.
 */
public enum TrustFailure {

    MALFORMED_ENVELOPE(ProblemTypes.MALFORMED_ENVELOPE, 400),
    BAD_SIGNATURE(ProblemTypes.BAD_SIGNATURE, 422),
    UNKNOWN_KEY(ProblemTypes.UNKNOWN_KEY, 422),
    REVOKED_KEY(ProblemTypes.REVOKED_KEY, 403),
    EXPIRED_CERTIFICATE(ProblemTypes.EXPIRED_CERTIFICATE, 403),
    UNTRUSTED_CERTIFICATE(ProblemTypes.UNTRUSTED_CERTIFICATE, 403),
    WRONG_KEY_USAGE(ProblemTypes.WRONG_KEY_USAGE, 403),
    WRONG_MEMBER(ProblemTypes.WRONG_MEMBER, 403),
    NOT_ENTITLED(ProblemTypes.NOT_ENTITLED, 403),
    REPLAYED_SUBMISSION(ProblemTypes.REPLAYED_SUBMISSION, 409),
    CLOCK_SKEW(ProblemTypes.CLOCK_SKEW, 422);

    private final URI type;
    private final int status;

    TrustFailure(URI type, int status) {
        this.type = type;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }
}
