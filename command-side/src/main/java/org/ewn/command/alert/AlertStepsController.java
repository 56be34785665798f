package org.ewn.command.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertId;
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
 * What happens to an alert after it is raised, each step a signed submission that names the alert in its body:
 * 201 when recorded, 200 with the same body and receipt when the same submission comes again.
 */
@RestController
@RequestMapping(path = "/api/v1/alerts/{alertId}", consumes = SignedMedia.JOSE,
                produces = MediaType.APPLICATION_JSON_VALUE)
class AlertStepsController {

    private final SubmissionGate gate;
    private final AlertSteps steps;
    private final SealedTexts sealedTexts;

    AlertStepsController(SubmissionGate gate, AlertSteps steps, SealedTexts sealedTexts) {
        this.sealedTexts = sealedTexts;
        this.gate = gate;
        this.steps = steps;
    }

    @PostMapping("/acknowledgements")
    @Operation(summary = "Acknowledge an alert addressed to your member (alert.acknowledge, body {alertId})",
               description = "Each addressed member acknowledges once")
    ResponseEntity<AcknowledgementAccepted> acknowledge(@PathVariable UUID alertId,
                                                        @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_ACKNOWLEDGE);
        samePath(alertId, gate.body(admitted, AcknowledgeAlertBody.class).alertId());
        return answer(steps.acknowledge(new AlertId(alertId), admitted));
    }

    @PostMapping("/withdrawal")
    @Operation(summary = "Withdraw an alert your agency raised (alert.withdraw, body {alertId, reason})",
               description = "Every addressee sees it withdrawn; it can no longer be acknowledged")
    ResponseEntity<WithdrawalAccepted> withdraw(@PathVariable UUID alertId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_WITHDRAW);
        WithdrawAlertBody body = gate.body(admitted, WithdrawAlertBody.class);
        samePath(alertId, body.alertId());
        return answer(steps.withdraw(new AlertId(alertId), body.reason().strip(), admitted));
    }

    @PostMapping("/follow-ups")
    @Operation(summary = "Follow up an alert your agency raised (alert.follow-up, body {alertId, text or sealed})",
               description = "Numbered from 1; the latest text supersedes the earlier ones, which stay in the history")
    ResponseEntity<StepAccepted> followUp(@PathVariable UUID alertId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_FOLLOW_UP);
        AlertStepBodies.FollowUp body = gate.body(admitted, AlertStepBodies.FollowUp.class);
        samePath(alertId, body.alertId());
        boolean sealed = body.sealed() != null && !body.sealed().isNull();
        if (!sealed && (body.text() == null || body.text().isBlank())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The signed body is invalid: give text, or "
                    + "sealed text");
        }
        String checked = sealed ? sealedTexts.check(body.sealed(), body.text(), steps.addressees(new AlertId(alertId)),
                admitted.submission()) : null;
        return answer(steps.followUp(new AlertId(alertId), body.text(), checked, admitted));
    }

    @PostMapping("/sharing-requests")
    @Operation(summary = "Ask the originator to share an alert onward (alert.sharing-request, "
                         + "body {alertId, recipients, purpose})",
               description = "The request's id is the submission id; the originator grants or refuses it")
    ResponseEntity<StepAccepted> requestSharing(@PathVariable UUID alertId, @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_SHARING_REQUEST);
        AlertStepBodies.SharingRequest body = gate.body(admitted, AlertStepBodies.SharingRequest.class);
        samePath(alertId, body.alertId());
        return answer(steps.requestSharing(new AlertId(alertId), body.recipients(), body.purpose(), admitted));
    }

    @PostMapping("/sharing-requests/{requestId}/decision")
    @Operation(summary = "Grant or refuse a request to share your alert onward (alert.sharing-decision, "
                         + "body {alertId, requestId, granted, reason})")
    ResponseEntity<StepAccepted> decideSharing(@PathVariable UUID alertId, @PathVariable UUID requestId,
                                               @SignedBody @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_SHARING_DECISION);
        AlertStepBodies.SharingDecision body = gate.body(admitted, AlertStepBodies.SharingDecision.class);
        samePath(alertId, body.alertId());
        if (!requestId.equals(body.requestId())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The path names sharing request "
                    + requestId + " but the signed body names " + body.requestId());
        }
        return answer(steps.decideSharing(new AlertId(alertId), requestId, body.granted(), body.reason(), admitted));
    }

    private static void samePath(UUID inPath, UUID inBody) {
        if (!inBody.equals(inPath)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The path names alert " + inPath
                    + " but the signed body names " + inBody);
        }
    }

    private static <A> ResponseEntity<A> answer(AlertSteps.Outcome<A> outcome) {
        return outcome.created() ? ResponseEntity.status(201).body(outcome.accepted())
                : ResponseEntity.ok(outcome.accepted());
    }

    /** Describes a signed request body in the API description. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = SignedMedia.DESCRIPTION,
            content = @Content(mediaType = SignedMedia.JOSE, schema = @Schema(type = "string")))
    @interface SignedBody {
    }
}
