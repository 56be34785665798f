package org.ewn.query.directory;

import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.membership.MemberKind;

import java.time.Instant;
import java.util.List;

/** The directory's answers, as JSON. Certificates are base64 DER; times are UTC instants. */
final class DirectoryViews {

    private DirectoryViews() {
    }

    record NetworkView(String code, String name, CertificateView root, Instant foundedAt) {
    }

    /** @param fingerprint SHA-256 (hex) of the DER, to compare with a copy received out of band */
    record CertificateView(String certificate, String subject, String issuer, String serial, String fingerprint,
                           Instant notBefore, Instant notAfter) {
    }

    /** @param agencies the codes of the member's agencies */
    record MemberSummary(String code, String name, MemberKind kind, boolean suspended, Instant admittedAt,
                         List<String> agencies) {
    }

    /** @param suspendedAt null unless suspended, like {@code suspensionReason} */
    record MemberView(String code, String name, MemberKind kind, boolean suspended, Instant suspendedAt,
                      String suspensionReason, Instant admittedAt, CertificateView ca, List<AgencySummary> agencies) {
    }

    /** A named address group: alerts addressed to it reach its members that are not suspended when raised. */
    record GroupView(String code, String name, List<String> members, Instant definedAt) {
    }

    record AgencySummary(String code, String member, String name, boolean administrator, Instant registeredAt) {
    }

    /** @param keys newest enrolment first, past keys included */
    record AgencyView(String code, String member, String name, boolean administrator, Instant registeredAt,
                      List<KeyView> keys) {
    }

    /**
     * @param status      at the time of the query
     * @param revokedFrom from when its signatures are refused, which may precede {@code revokedAt}, when the
     *                    revocation was received
     */
    record KeyView(String keyId, KeyPurpose purpose, KeyStatus status, String certificate, String subject,
                   String issuer, String serial, String fingerprint, Instant notBefore, Instant notAfter,
                   Instant enrolledAt, Instant revokedFrom, Instant revokedAt, String revocationReason) {
    }

    /** A revocation outranks expiry: it says more about what a signature by the key is worth. */
    enum KeyStatus {
        ACTIVE, REVOKED, EXPIRED, NOT_YET_VALID;

        static KeyStatus at(Instant time, Instant notBefore, Instant notAfter, Instant revokedFrom) {
            if (revokedFrom != null && !time.isBefore(revokedFrom)) {
                return REVOKED;
            }
            if (time.isBefore(notBefore)) {
                return NOT_YET_VALID;
            }
            return time.isAfter(notAfter) ? EXPIRED : ACTIVE;
        }
    }
}
