package org.ewn.api.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ewn.api.member.AgencyCode;

import java.time.Instant;

/**
 * Who signed a step of an alert's history, as checked again when it is shown: the stored envelope against the key and
 * certificate the membership holds for it, as of when the step was signed. A key revoked after that still verifies;
 * one revoked from an earlier time (a compromise) does not.
 *
 * @param status             VERIFIED, FAILED, or HUB for the hub's own events, which no agency signs
 * @param algorithm          the JWS {@code alg}: {@code EdDSA} or {@code ES256}
 * @param certificateSerial  the signing certificate's serial number, hex
 * @param signedAt           the signing time the agency put in the submission
 * @param reason             why a FAILED step failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepSignature(Status status, AgencyCode agency, String keyId, String algorithm,
                            String certificateSubject, String certificateSerial, String certificateIssuer,
                            Instant signedAt, String reason) {

    public enum Status { VERIFIED, FAILED, HUB }

    public static StepSignature hub() {
        return new StepSignature(Status.HUB, null, null, null, null, null, null, null, null);
    }
}
