package org.ewn.command.submission;

/** The media type of a JWS in compact serialization (RFC 7515 §9.2.1): how every submission is sent. */
public final class SignedMedia {

    public static final String JOSE = "application/jose";

    private SignedMedia() {
    }
}
