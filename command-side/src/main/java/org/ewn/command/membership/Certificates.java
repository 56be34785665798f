package org.ewn.command.membership;

import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The checks a certificate passes before the network records it, each failing with what to fix. */
final class Certificates {

    private Certificates() {
    }

    /** A self-signed CA certificate, valid at {@code at}, that the network is founded on. */
    static X509Certificate root(String base64Der, Instant at) {
        X509Certificate root = parse(base64Der, "root certificate");
        try {
            root.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new TrustException(TrustFailure.UNTRUSTED_CERTIFICATE, "The root certificate must be self-signed: "
                    + root.getSubjectX500Principal().getName());
        }
        if (root.getBasicConstraints() < 0 || root.getKeyUsage() == null || !root.getKeyUsage()[5]) {
            throw new TrustException(TrustFailure.WRONG_KEY_USAGE, "The root certificate must be a CA certificate "
                    + "with the keyCertSign key usage");
        }
        if (at.isBefore(root.getNotBefore().toInstant()) || at.isAfter(root.getNotAfter().toInstant())) {
            throw new TrustException(TrustFailure.EXPIRED_CERTIFICATE, "The root certificate is valid from "
                    + root.getNotBefore().toInstant() + " to " + root.getNotAfter().toInstant() + ", not at " + at);
        }
        return root;
    }

    /** An administrator's signing certificate, issued by the root itself. */
    static X509Certificate administratorKey(String base64Der, X509Certificate root, Instant at) {
        X509Certificate certificate = parse(base64Der, "administrator certificate");
        CertificatePath.check(certificate, List.of(), root, at, CertificatePath.Purpose.SIGNING);
        return certificate;
    }

    /** A member's CA certificate: issued by the root, naming the member (OU) in its subject. */
    static X509Certificate memberCa(String base64Der, MemberCode member, X509Certificate root, Instant at) {
        X509Certificate ca = parse(base64Der, "member CA certificate");
        CertificatePath.check(ca, List.of(), root, at, CertificatePath.Purpose.CA);
        if (!member.value().equals(NetworkPki.member(ca))) {
            throw new TrustException(TrustFailure.WRONG_MEMBER, "The CA certificate names member "
                    + NetworkPki.member(ca) + " (OU of its subject), not " + member);
        }
        return ca;
    }

    /**
     * An agency's key certificate: it names the agency (CN), and the agency's member's CA issued it (the root for the
     * network's own agencies). A certificate from another member's CA is that member's, whatever it names.
     */
    static X509Certificate agencyKey(String base64Der, AgencyCode agency, NetworkMembership membership, Instant at) {
        X509Certificate certificate = parse(base64Der, "key certificate");
        if (!agency.value().equals(NetworkPki.holder(certificate))) {
            throw new TrustException(TrustFailure.UNTRUSTED_CERTIFICATE, "The certificate is issued to "
                    + NetworkPki.holder(certificate) + " (CN of its subject), not to " + agency);
        }
        List<X509Certificate> issuers = membership.issuersFor(agency).orElseThrow();
        X509Certificate issuer = issuers.isEmpty() ? membership.root() : issuers.get(0);
        if (!issuedBy(certificate, issuer)) {
            for (NetworkMembership.Member other : membership.members()) {
                if (issuedBy(certificate, other.ca())) {
                    throw new TrustException(TrustFailure.WRONG_MEMBER, "The certificate was issued by the CA of "
                            + other.code() + ", but " + agency + " belongs to " + agency.member()
                            + "; have " + agency.member() + "'s CA issue it");
                }
            }
        }
        CertificatePath.check(certificate, issuers, membership.root(), at, pathPurpose(purpose(certificate)));
        return certificate;
    }

    static KeyPurpose purpose(X509Certificate certificate) {
        return KeyKind.of(certificate.getPublicKey()) == KeyKind.X25519 ? KeyPurpose.ENCRYPTION : KeyPurpose.SIGNING;
    }

    static CertificatePath.Purpose pathPurpose(KeyPurpose purpose) {
        return purpose == KeyPurpose.ENCRYPTION ? CertificatePath.Purpose.ENCRYPTION : CertificatePath.Purpose.SIGNING;
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey(), org.ewn.trust.BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate parse(String base64Der, String what) {
        try {
            return NetworkMembership.certificate(base64Der);
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The " + what
                    + " is not a base64 DER X.509 certificate");
        }
    }

}
