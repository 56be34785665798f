package org.ewn.command.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import org.ewn.access.NetworkUser;
import org.ewn.command.submission.Submission;
import org.ewn.command.submission.SubmissionGate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Where agencies raise alerts. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final SubmissionGate gate;
    private final AlertSubmissions submissions;

    AlertController(SubmissionGate gate, AlertSubmissions submissions) {
        this.gate = gate;
        this.submissions = submissions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise an alert",
            description = "201 when the alert was raised; 200 with the same body when this submission was accepted before",
            security = @SecurityRequirement(name = "basic"))
    ResponseEntity<AlertAccepted> raise(@AuthenticationPrincipal NetworkUser caller,
                                        @Valid @RequestBody RaiseAlertRequest request) {
        Submission submission = gate.admit(caller, request.submissionId(), request);
        AlertSubmissions.Outcome outcome = submissions.raise(submission, request);
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/inbox/alerts/" + outcome.accepted().alertId()))
                    .body(outcome.accepted());
        }
        return ResponseEntity.ok(outcome.accepted());
    }
}
