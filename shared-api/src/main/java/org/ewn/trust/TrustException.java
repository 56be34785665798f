package org.ewn.trust;

import org.ewn.api.ProblemException;

/** A signature, envelope or certificate that is not trusted, with the reason and what to do about it. */
public class TrustException extends ProblemException {

    private final TrustFailure failure;

    public TrustException(TrustFailure failure, String detail) {
        super(failure.type(), failure.status(), detail);
        this.failure = failure;
    }

    public TrustException(TrustFailure failure, String detail, Throwable cause) {
        this(failure, detail);
        initCause(cause);
    }

    public TrustFailure failure() {
        return failure;
    }
}
