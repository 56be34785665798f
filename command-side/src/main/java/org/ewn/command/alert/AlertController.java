package org.ewn.command.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.KeyedSubmission;
import org.ewn.command.submission.SignedMedia;
import org.ewn.command.submission.SubmissionGate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Where agencies raise alerts, as signed {@code alert.raise} submissions. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final SubmissionGate gate;
    private final AlertSubmissions submissions;
    AlertController(SubmissionGate gate, AlertSubmissions submissions) {
        this.gate = gate;
        this.submissions = submissions;
    }

    @PostMapping(consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise an alert",
            description = "The body is a JWS (application/jose) over the canonical JSON of an alert.raise submission. "
                          + "201 when the alert was raised; 200 with the same body and receipt when this submission "
                          + "was accepted before")
    ResponseEntity<AlertAccepted> raise(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = SignedMedia.DESCRIPTION, content = @Content(mediaType = SignedMedia.JOSE,
            schema = @Schema(type = "string", example = SignedMedia.EXAMPLE))) @RequestBody String envelope) {
        return raise(envelope, null);
    }

    @PostMapping(consumes = KeyedSubmission.MEDIA_TYPE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise an alert about people",
            description = "An alert.raise whose subjects carry personal data: {\"submission\": the JWS, "
                    + "\"subjectKeys\": {keyId: base64url of the 32-byte AES key}}. The hub checks that each subject's "
                    + "ciphertext opens with its key, keeps the keys wrapped by its master key and stores only the "
                    + "JWS; 422 unreadable-personal-data otherwise, 410 subject-erased for a person erased before")
    ResponseEntity<AlertAccepted> raiseWithPersonalData(@RequestBody String body) {
        KeyedSubmission keyed = KeyedSubmission.parse(body);
        return raise(keyed.submission(), keyed);
    }

    private ResponseEntity<AlertAccepted> raise(String envelope, KeyedSubmission keys) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.ALERT_RAISE);
        AlertSubmissions.Outcome outcome = submissions.raise(admitted, gate.body(admitted, RaiseAlertBody.class), keys);
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/inbox/alerts/" + outcome.accepted().alertId()))
                    .body(outcome.accepted());
        }
        return ResponseEntity.ok(outcome.accepted());
    }
}
