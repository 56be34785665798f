package org.ewn.api;

import java.net.URI;
import java.util.Objects;

/**
 * A request the network refuses, with the RFC 9457 problem type and HTTP status a caller sees. Thrown
 * before anything is stored, so a refused request changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final URI type;
    private final int status;

    public ProblemException(URI type, int status, String detail) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }
}
