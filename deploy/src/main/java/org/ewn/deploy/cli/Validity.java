package org.ewn.deploy.cli;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * When a new certificate is valid. It starts an hour back, so that a hub whose clock is a little behind
 * accepts it at once, and it never outlives its issuer, whose certificate would expire first anyway.
 *
 * @param capped whether the requested days were cut to the issuer's end
 */
record Validity(Instant notBefore, Instant notAfter, boolean capped) {

    static final Duration BACKDATE = Duration.ofHours(1);

    static Validity days(int days, X509Certificate issuer) {
        if (days < 1) {
            throw CliFailure.usage("--days must be at least 1, not " + days);
        }
        Instant now = Instant.now();
        Instant notAfter = now.plus(Duration.ofDays(days));
        Instant issuerEnd = issuer == null ? null : issuer.getNotAfter().toInstant();
        if (issuerEnd != null && notAfter.isAfter(issuerEnd)) {
            return new Validity(now.minus(BACKDATE), issuerEnd, true);
        }
        return new Validity(now.minus(BACKDATE), notAfter, false);
    }

    static String describe(X509Certificate certificate) {
        return "valid from " + instant(certificate.getNotBefore()) + " to " + instant(certificate.getNotAfter());
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
