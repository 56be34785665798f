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

import java.net.URI;
import java.util.UUID;

/** Where agencies raise alerts, as signed {@code alert.raise} submissions. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final SubmissionGate gate;
    private final AlertSubmissions submissions;
    private final AlertSteps steps;

    AlertController(SubmissionGate gate, AlertSubmissions submissions, AlertSteps steps) {
        this.gate = gate;
        this.submissions = submissions;
        this.steps = steps;
    }

    @PostMapping(consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise an alert",
            description = "The body is a JWS (application/jose) over the canonical JSON of an alert.raise submission. "
                          + "201 when the alert was raised; 200 with the same body and receipt when this submission "
                          + "was accepted before")
    ResponseEntity<AlertAccepted> raise(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = SignedMedia.DESCRIPTION, content = @Content(mediaType = SignedMedia.JOSE,
            schema = @Schema(type = "string", example = SignedMedia.EXAMPLE))) @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_RAISE);
        AlertSubmissions.Outcome outcome = submissions.raise(admitted, gate.body(admitted, RaiseAlertBody.class));
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/inbox/alerts/" + outcome.accepted().alertId()))
                    .body(outcome.accepted());
        }
        return ResponseEntity.ok(outcome.accepted());
    }

    @PostMapping(path = "/{alertId}/acknowledgements", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Acknowledge an alert addressed to your member",
            description = "An alert.acknowledge submission whose body names the alert: {\"alertId\": …}. Each "
                          + "addressed member acknowledges once; 201 when recorded, 200 with the same body and "
                          + "receipt when this submission was accepted before")
    ResponseEntity<AcknowledgementAccepted> acknowledge(@PathVariable UUID alertId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = SignedMedia.DESCRIPTION,
                    content = @Content(mediaType = SignedMedia.JOSE, schema = @Schema(type = "string")))
            @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_ACKNOWLEDGE);
        AcknowledgeAlertBody body = gate.body(admitted, AcknowledgeAlertBody.class);
        samePath(alertId, body.alertId());
        return answer(steps.acknowledge(new AlertId(alertId), admitted));
    }

    @PostMapping(path = "/{alertId}/withdrawal", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw an alert your agency raised",
            description = "An alert.withdraw submission whose body names the alert and the reason: "
                          + "{\"alertId\": …, \"reason\": …}. Every addressee sees the alert as withdrawn; it can "
                          + "no longer be acknowledged. 201 when recorded, 200 with the same body and receipt when "
                          + "this submission was accepted before")
    ResponseEntity<WithdrawalAccepted> withdraw(@PathVariable UUID alertId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = SignedMedia.DESCRIPTION,
                    content = @Content(mediaType = SignedMedia.JOSE, schema = @Schema(type = "string")))
            @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_WITHDRAW);
        WithdrawAlertBody body = gate.body(admitted, WithdrawAlertBody.class);
        samePath(alertId, body.alertId());
        return answer(steps.withdraw(new AlertId(alertId), body.reason().strip(), admitted));
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
}
