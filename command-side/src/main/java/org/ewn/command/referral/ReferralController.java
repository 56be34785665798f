package org.ewn.command.referral;

import io.swagger.v3.oas.annotations.Operation;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.KeyedSubmission;
import org.ewn.command.submission.SubmissionGate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Where agencies refer people to services, as signed {@code referral.submit} submissions. */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

    private final SubmissionGate gate;
    private final ReferralSubmissions submissions;

    ReferralController(SubmissionGate gate, ReferralSubmissions submissions) {
        this.gate = gate;
        this.submissions = submissions;
    }

    @PostMapping(consumes = KeyedSubmission.MEDIA_TYPE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refer a person to another agency for services",
            description = "{\"submission\": the JWS of a referral.submit, \"subjectKeys\": {keyId: base64url of the "
                    + "person's 32-byte AES key}}. The signed body names the receivingAgency, the services, the "
                    + "urgency, the consent it rests on, the person as subject and a summary (or sealedSummary). 201 "
                    + "when recorded, 200 with the same body and receipt when this submission was accepted before; "
                    + "422 invalid-consent or consent-expired when the consent does not hold")
    ResponseEntity<ReferralReceived> submit(@RequestBody String body) {
        KeyedSubmission keyed = KeyedSubmission.parse(body);
        Admitted admitted = gate.admit(keyed.submission(), SubmissionTypes.REFERRAL_SUBMIT);
        ReferralSubmissions.Outcome outcome = submissions.submit(admitted,
                gate.body(admitted, SubmitReferralBody.class), keyed);
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/referrals/" + outcome.received().referralId()))
                    .body(outcome.received());
        }
        return ResponseEntity.ok(outcome.received());
    }
}
