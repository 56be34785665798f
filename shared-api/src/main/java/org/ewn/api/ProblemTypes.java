package org.ewn.api;

import java.net.URI;

/**
 * The stable {@code type} of every RFC 9457 problem the network answers with. Clients branch on these,
 * so they never change meaning once published.
 */
public final class ProblemTypes {

    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    /** An unsafe request of a signed-in session without the session's CSRF token in {@code X-XSRF-TOKEN}. */
    public static final URI CSRF_TOKEN = type("csrf-token");
    /** Too many failed sign-ins for a username or from an address; retry after the {@code Retry-After} seconds. */
    public static final URI TOO_MANY_ATTEMPTS = type("too-many-attempts");
    /** An agency sent more signed submissions than its rate allows; retry after the {@code Retry-After} seconds. */
    public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
    public static final URI INVALID_REQUEST = type("invalid-request");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI UNKNOWN_ADDRESSEE = type("unknown-addressee");
    public static final URI REPLAYED_SUBMISSION = type("replayed-submission");
    public static final URI MALFORMED_ENVELOPE = type("malformed-envelope");
    public static final URI BAD_SIGNATURE = type("bad-signature");
    public static final URI UNKNOWN_KEY = type("unknown-key");
    public static final URI REVOKED_KEY = type("revoked-key");
    public static final URI EXPIRED_CERTIFICATE = type("expired-certificate");
    public static final URI UNTRUSTED_CERTIFICATE = type("untrusted-certificate");
    public static final URI WRONG_KEY_USAGE = type("wrong-key-usage");
    public static final URI WRONG_MEMBER = type("wrong-member");
    public static final URI NOT_ENTITLED = type("not-entitled");
    public static final URI CLOCK_SKEW = type("clock-skew");
    public static final URI INVALID_STATE = type("invalid-state");
    public static final URI NOT_AN_ADDRESSEE = type("not-an-addressee");
    public static final URI ALREADY_ACKNOWLEDGED = type("already-acknowledged");
    public static final URI WITHDRAWN = type("withdrawn");
    public static final URI NOT_THE_ORIGINATOR = type("not-the-originator");
    /** A party to a case transfer took a step that only the other party may take. */
    public static final URI NOT_THE_PARTY = type("not-the-party");
    public static final URI EXPIRED = type("expired");
    /** A referral step by an agency other than the referral's receiving agency. */
    public static final URI NOT_THE_RECEIVING_AGENCY = type("not-the-receiving-agency");
    /** A referral step that only the referral's referring agency may take. */
    public static final URI NOT_THE_REFERRING_AGENCY = type("not-the-referring-agency");
    /** A referral's consent does not cover it: no purpose or recipient kinds, or a child without guardian consent. */
    public static final URI INVALID_CONSENT = type("invalid-consent");
    /** The consent a referral rests on has ended. */
    public static final URI CONSENT_EXPIRED = type("consent-expired");
    /** The referral was revoked, by its referring agency or because consent was withdrawn; nothing more can happen. */
    public static final URI REFERRAL_REVOKED = type("referral-revoked");
    public static final URI CONCURRENT_MODIFICATION = type("concurrent-modification");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI UNREADABLE_PERSONAL_DATA = type("unreadable-personal-data");
    public static final URI SUBJECT_ERASED = type("subject-erased");
    public static final URI SEALED_FOR_OTHERS = type("sealed-for-others");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI INTERNAL_ERROR = type("internal-error");

    private ProblemTypes() {
    }

    private static URI type(String name) {
        return URI.create("urn:ewn:problem:" + name);
    }
}
