package org.ewn.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static java.security.cert.CertPathValidatorException.BasicReason.EXPIRED;
import static java.security.cert.CertPathValidatorException.BasicReason.NOT_YET_VALID;

/**
 * The check the hub runs before it trusts a key: the certificate chains up to the network root, every
 * certificate of the path is valid at the time in question, every CA may issue what is below it, and the
 * key is for the use asked of it. The rules are checked one by one first, because Bouncy Castle's PKIX
 * validator mostly answers "unspecified" and a developer at an agency needs to know what to fix; the
 * validator then runs as well, to catch what the rules here do not cover (such as unknown critical
 * extensions).
 *
 * <p>Validity includes both ends, as RFC 5280 has it: a certificate is valid at its notAfter instant and
 * expired one instant later.
 */
public final class CertificatePath {

    /**
     * What the leaf's key is to be trusted for. SIGNING: digitalSignature, not a CA, an Ed25519 or P-256
     * key. ENCRYPTION: keyAgreement, an X25519 key. CA: keyCertSign and basicConstraints CA=true.
     */
    public enum Purpose { SIGNING, ENCRYPTION, CA }

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;
    private static final String[] USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private CertificatePath() {
    }

    /**
     * @param issuers the CAs between the leaf and the root, the direct issuer first, without the root
     * @throws TrustException UNTRUSTED_CERTIFICATE, EXPIRED_CERTIFICATE or WRONG_KEY_USAGE
     */
    public static void check(X509Certificate leaf, List<X509Certificate> issuers, X509Certificate root, Instant at,
                             Purpose purpose) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(issuers);
        Path described = new Path(path, root);
        requireChainToRoot(described);
        requireCasMayIssue(described);
        requireValidAt(described, at);
        requireCasSignCertificates(described);
        requireFitFor(leaf, purpose);
        validateWithPkix(described, at);
    }

    /** The issuers of the leaf among the candidates, by name and signature, up to a self-issued root. */
    static List<X509Certificate> chainOf(X509Certificate leaf, Collection<X509Certificate> candidates) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        while (!selfIssued(current) && chain.size() < candidates.size()) {
            X509Certificate issuer = issuerAmong(current, candidates);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static void requireChainToRoot(Path path) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = path.issuerOf(i);
            String next = i + 1 < path.size() ? "the next certificate of the path is " + dn(issuer)
                    : "the path ends at the network root " + dn(issuer);
            if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw untrusted(path.describe(i) + " was issued by " + certificate.getIssuerX500Principal().getName()
                        + ", but " + next + "; present the chain of the CA that issued it, up to this network's root");
            }
            if (!signedBy(certificate, issuer)) {
                throw untrusted(path.describe(i) + " names " + dn(issuer) + " as its issuer but is not signed by "
                        + "its key; it was issued by another CA of the same name, or altered");
            }
        }
    }

    private static void requireCasMayIssue(Path path) {
        int casBelow = 0;
        for (int i = 1; i <= path.size(); i++) {
            X509Certificate ca = path.issuerOf(i - 1);
            int pathLength = ca.getBasicConstraints();
            if (pathLength < 0) {
                throw untrusted(path.describe(i) + " is not a CA (no basicConstraints CA=true), so it cannot issue "
                        + dn(path.get(i - 1)));
            }
            if (pathLength < casBelow) {
                throw untrusted("the path is too long: " + path.describe(i) + " allows " + pathLength
                        + " CA certificate(s) below it, but the path has " + casBelow);
            }
            if (!selfIssued(ca) && i < path.size()) {
                casBelow++;
            }
        }
    }

    private static void requireValidAt(Path path, Instant at) {
        for (int i = 0; i <= path.size(); i++) {
            X509Certificate certificate = i < path.size() ? path.get(i) : path.root();
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            String window = " (valid from " + notBefore + " to " + notAfter + "); the time checked is " + at;
            if (at.isAfter(notAfter)) {
                throw new TrustException(TrustFailure.EXPIRED_CERTIFICATE, path.describe(i) + " expired at "
                        + notAfter + window + "; " + (i == 0 ? "enrol a new key" : "the CA must be renewed"));
            }
            if (at.isBefore(notBefore)) {
                throw new TrustException(TrustFailure.EXPIRED_CERTIFICATE, path.describe(i)
                        + " is not yet valid: it becomes valid at " + notBefore + window
                        + "; check the clock of the signing system");
            }
        }
    }

    private static void requireCasSignCertificates(Path path) {
        for (int i = 1; i <= path.size(); i++) {
            if (!has(path.issuerOf(i - 1), KEY_CERT_SIGN)) {
                throw wrongUsage(path.describe(i) + " is a CA but its key usage " + usages(path.issuerOf(i - 1))
                        + " lacks keyCertSign, so it may not sign certificates");
            }
        }
    }

    private static void requireFitFor(X509Certificate leaf, Purpose purpose) {
        String usages = " has key usage " + usages(leaf);
        switch (purpose) {
            case SIGNING:
                if (!has(leaf, DIGITAL_SIGNATURE) || leaf.getBasicConstraints() >= 0 || !signs(leaf)) {
                    throw wrongUsage("certificate " + dn(leaf) + usages + (leaf.getBasicConstraints() >= 0
                            ? " and is a CA" : "") + "; sign with a key certified for digitalSignature, not a CA's"
                            + " and not an encryption key");
                }
                break;
            case ENCRYPTION:
                if (!has(leaf, KEY_AGREEMENT) || !isX25519(leaf)) {
                    throw wrongUsage("certificate " + dn(leaf) + usages + " and a "
                            + leaf.getPublicKey().getAlgorithm() + " key; encrypt to an X25519 key certified for "
                            + "keyAgreement");
                }
                break;
            default:
                if (!has(leaf, KEY_CERT_SIGN) || leaf.getBasicConstraints() < 0) {
                    throw wrongUsage("certificate " + dn(leaf) + usages + (leaf.getBasicConstraints() < 0
                            ? " and is not a CA" : "") + "; a CA needs basicConstraints CA=true and keyCertSign");
                }
        }
    }

    private static void validateWithPkix(Path path, Instant at) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(path.root(), null)));
            parameters.setRevocationEnabled(false); // keys are revoked by events of the network, not by CRLs
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER).validate(
                    CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER).generateCertPath(path.certificates()),
                    parameters);
        } catch (CertPathValidatorException e) {
            String which = e.getIndex() >= 0 && e.getIndex() < path.size() ? path.describe(e.getIndex()) : "the path";
            String detail = "PKIX validation refuses " + which + ": " + e.getMessage();
            if (e.getReason() == EXPIRED || e.getReason() == NOT_YET_VALID) {
                throw new TrustException(TrustFailure.EXPIRED_CERTIFICATE, detail, e);
            }
            throw new TrustException(e.getReason() == PKIXReason.INVALID_KEY_USAGE
                    ? TrustFailure.WRONG_KEY_USAGE : TrustFailure.UNTRUSTED_CERTIFICATE, detail, e);
        } catch (GeneralSecurityException e) {
            throw new TrustException(TrustFailure.UNTRUSTED_CERTIFICATE, "cannot validate the path: " + e, e);
        }
    }

    private static X509Certificate issuerAmong(X509Certificate certificate, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (!candidate.equals(certificate)
                    && candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static boolean signs(X509Certificate certificate) {
        try {
            return KeyKind.of(certificate.getPublicKey()).signs();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isX25519(X509Certificate certificate) {
        try {
            return KeyKind.of(certificate.getPublicKey()) == KeyKind.X25519;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean has(X509Certificate certificate, int usage) {
        boolean[] usages = certificate.getKeyUsage();
        return usages != null && usages.length > usage && usages[usage];
    }

    private static String usages(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        if (bits == null) {
            return "(none: no key usage extension)";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bits.length && i < USAGES.length; i++) {
            if (bits[i]) {
                names.add(USAGES[i]);
            }
        }
        return names.toString();
    }

    private static String dn(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static TrustException untrusted(String detail) {
        return new TrustException(TrustFailure.UNTRUSTED_CERTIFICATE, detail);
    }

    private static TrustException wrongUsage(String detail) {
        return new TrustException(TrustFailure.WRONG_KEY_USAGE, detail);
    }

    /** The leaf and its issuers, then the root; names each certificate by its role for messages. */
    private record Path(List<X509Certificate> certificates, X509Certificate root) {

        int size() {
            return certificates.size();
        }

        X509Certificate get(int index) {
            return certificates.get(index);
        }

        X509Certificate issuerOf(int index) {
            return index + 1 < size() ? get(index + 1) : root;
        }

        String describe(int index) {
            if (index == 0) {
                return "certificate " + dn(get(0));
            }
            return index < size() ? "issuing CA certificate " + dn(get(index)) : "network root certificate " + dn(root);
        }
    }
}
