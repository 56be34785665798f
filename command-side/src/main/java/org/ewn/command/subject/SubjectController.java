package org.ewn.command.subject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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

import java.util.UUID;

/** Where administrators erase the personal data of a data subject. */
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectController {

    private final SubmissionGate gate;
    private final SubjectErasures erasures;

    SubjectController(SubmissionGate gate, SubjectErasures erasures) {
        this.gate = gate;
        this.erasures = erasures;
    }

    @PostMapping(path = "/{subject}/erasure", consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase a data subject",
            description = "A signed subject.erase submission {subject, legalBasis} by a network administrator, or by "
                    + "an administrator agency of the member that first recorded the subject. The subject's keys are "
                    + "destroyed: its personal data then shows as erased in every event, read model and export, while "
                    + "every signature and tree head still verifies. 201 when erased; 200 with the same body for a "
                    + "repeated submission; 409 subject-erased when it was erased before")
    ResponseEntity<ErasureAccepted> erase(@PathVariable UUID subject, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = SignedMedia.DESCRIPTION, content = @Content(mediaType = SignedMedia.JOSE,
            schema = @Schema(type = "string"))) @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.SUBJECT_ERASE);
        SubjectErasures.Outcome outcome = erasures.erase(subject, admitted, gate.body(admitted, ErasureBody.class));
        return outcome.created() ? ResponseEntity.status(201).body(outcome.accepted())
                : ResponseEntity.ok(outcome.accepted());
    }
}
