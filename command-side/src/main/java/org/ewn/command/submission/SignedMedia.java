package org.ewn.command.submission;

/** The media type of a JWS in compact serialization (RFC 7515 §9.2.1): how every submission is sent. */
public final class SignedMedia {

    public static final String JOSE = "application/jose";

    /** How the API description explains every signed request body. */
    public static final String DESCRIPTION = "A JWS in compact serialization (RFC 7515): protected header "
            + "{\"alg\":\"EdDSA\" or \"ES256\",\"kid\":base64url(SHA-256(SubjectPublicKeyInfo)),"
            + "\"typ\":\"ewn-submission+jws\"}, payload the RFC 8785 canonical JSON of {type, network, "
            + "submissionId, agency, issuedAt, body}. See the README's 'Signed submissions'.";

    /** The README's worked example: an alert.raise signed with the Ed25519 key of RFC 8037 Appendix A.1. */
    public static final String EXAMPLE = "eyJhbGciOiJFZERTQSIsImtpZCI6IkJ1UDlqOW9wdTJDcldWVjk1aDdiQ3V6Ykl4RTB2akRuVzB"
            + "WZmpodDVMNmsiLCJ0eXAiOiJld24tc3VibWlzc2lvbitqd3MifQ.eyJhZ2VuY3kiOiJLWi1ERU1PIiwiYm9keSI6eyJhZGRyZXNzZWV"
            + "zIjpbIlVaIiwiVEoiXSwiY2F0ZWdvcnkiOiJNSVNTSU5HX09SX0FUX1JJU0tfQ0hJTEQiLCJwcmVjZWRlbmNlIjoiRkxBU0giLCJ0ZX"
            + "h0IjoiTGFzdCBzZWVuIGF0IHRoZSBjcm9zc2luZyB0aGlzIG1vcm5pbmciLCJ0aXRsZSI6IkNoaWxkIHJlcG9ydGVkIG1pc3Npbmcg"
            + "bmVhciB0aGUgYm9yZGVyIn0sImlzc3VlZEF0IjoiMjAyNi0xMS0yNlQwOTozMDowMFoiLCJuZXR3b3JrIjoiRVdOIiwic3VibWlzc2"
            + "lvbklkIjoiM2YyYjhjMWUtMGE0ZC00ZTU3LTliMWEtNmMyZjBlOGQ3YTExIiwidHlwZSI6ImFsZXJ0LnJhaXNlIn0.USjeXpEh9-wEH"
            + "GSzveqy5Ga-ZLqPzRTRLmTEW0e9Kzpu1fNnylK8g9anHQ7ATJ1HgUCJ2ZaXsG_C2q5ZuFdABw";

    private SignedMedia() {
    }
}
