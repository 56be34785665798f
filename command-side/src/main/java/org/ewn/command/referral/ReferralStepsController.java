package org.ewn.command.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.referral.AcceptReferral;
import org.ewn.api.referral.CloseReferral;
import org.ewn.api.referral.DeclineReferral;
import org.ewn.api.referral.MarkReferralInProgress;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.RevokeReferral;
import org.ewn.api.referral.WithdrawConsent;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.SignedMedia;
import org.ewn.command.submission.SubmissionGate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

/**
 * What happens to a referral after it is submitted, each step a signed submission that names the referral in its
 * body: 201 when recorded, 200 with the same body and receipt when the same submission comes again. The receiving
 * agency accepts, declines, marks in progress and closes; the referring agency revokes or withdraws consent.
 */
@RestController
@RequestMapping(path = "/api/v1/referrals/{referralId}", consumes = SignedMedia.JOSE,
                produces = MediaType.APPLICATION_JSON_VALUE)
class ReferralStepsController {

    private final SubmissionGate gate;
    private final ReferralSteps steps;

    ReferralStepsController(SubmissionGate gate, ReferralSteps steps) {
        this.gate = gate;
        this.steps = steps;
    }

    @PostMapping("/acceptance")
    @Operation(summary = "Accept a referral made to your agency (referral.accept, body {referralId})")
    ResponseEntity<StepRecorded> accept(@PathVariable UUID referralId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.REFERRAL_ACCEPT);
        samePath(referralId, gate.body(admitted, ReferralStepBodies.Step.class).referralId());
        return answer(referralId, new AcceptReferral(new ReferralId(referralId), admitted.submission()), admitted);
    }

    @PostMapping("/decline")
    @Operation(summary = "Decline a referral made to your agency (referral.decline, body {referralId, reason})")
    ResponseEntity<StepRecorded> decline(@PathVariable UUID referralId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.REFERRAL_DECLINE);
        ReferralStepBodies.WithReason body = gate.body(admitted, ReferralStepBodies.WithReason.class);
        samePath(referralId, body.referralId());
        return answer(referralId, new DeclineReferral(new ReferralId(referralId), body.reason().strip(),
                                                      admitted.submission()), admitted);
    }

    @PostMapping("/progress")
    @Operation(summary = "Mark an accepted referral in progress (referral.progress, body {referralId})")
    ResponseEntity<StepRecorded> progress(@PathVariable UUID referralId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.REFERRAL_PROGRESS);
        samePath(referralId, gate.body(admitted, ReferralStepBodies.Step.class).referralId());
        return answer(referralId, new MarkReferralInProgress(new ReferralId(referralId), admitted.submission()),
                      admitted);
    }

    @PostMapping("/closure")
    @Operation(summary = "Close a referral with its outcome (referral.close, body {referralId, outcome, reason})",
               description = "outcome: SERVICE_DELIVERED, PARTLY_DELIVERED or NOT_DELIVERED; reason says why")
    ResponseEntity<StepRecorded> close(@PathVariable UUID referralId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.REFERRAL_CLOSE);
        ReferralStepBodies.Closing body = gate.body(admitted, ReferralStepBodies.Closing.class);
        samePath(referralId, body.referralId());
        return answer(referralId, new CloseReferral(new ReferralId(referralId), body.outcome(), body.reason().strip(),
                                                    admitted.submission()), admitted);
    }

    @PostMapping("/revocation")
    @Operation(summary = "Revoke a referral your agency made (referral.revoke, body {referralId, reason})",
               description = "The receiving agency's access to the person's data and the summary ends at once")
    ResponseEntity<StepRecorded> revoke(@PathVariable UUID referralId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.REFERRAL_REVOKE);
        ReferralStepBodies.WithReason body = gate.body(admitted, ReferralStepBodies.WithReason.class);
        samePath(referralId, body.referralId());
        return answer(referralId, new RevokeReferral(new ReferralId(referralId), body.reason().strip(),
                                                     admitted.submission()), admitted);
    }

    @PostMapping("/consent-withdrawal")
    @Operation(summary = "Record that the consent a referral rests on was withdrawn (referral.consent-withdrawal, "
                         + "body {referralId, reason})",
               description = "Revokes the referral; the receiving agency's access ends at once")
    ResponseEntity<StepRecorded> withdrawConsent(@PathVariable UUID referralId,
                                                 @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.REFERRAL_CONSENT_WITHDRAWAL);
        ReferralStepBodies.WithReason body = gate.body(admitted, ReferralStepBodies.WithReason.class);
        samePath(referralId, body.referralId());
        return answer(referralId, new WithdrawConsent(new ReferralId(referralId), body.reason().strip(),
                                                      admitted.submission()), admitted);
    }

    private ResponseEntity<StepRecorded> answer(UUID referralId, Object command, Admitted admitted) {
        ReferralSteps.Outcome outcome = steps.step(new ReferralId(referralId), command, admitted);
        return outcome.created() ? ResponseEntity.status(201).body(outcome.recorded())
                : ResponseEntity.ok(outcome.recorded());
    }

    private static void samePath(UUID inPath, UUID inBody) {
        if (!inBody.equals(inPath)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The path names referral " + inPath
                    + " but the signed body names " + inBody);
        }
    }

    /** Describes a signed request body in the API description. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = SignedMedia.DESCRIPTION,
            content = @Content(mediaType = SignedMedia.JOSE, schema = @Schema(type = "string")))
    @interface SignedBody {
    }
}
