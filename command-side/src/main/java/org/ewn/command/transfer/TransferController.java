package org.ewn.command.transfer;

import io.swagger.v3.oas.annotations.Operation;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.api.transfer.TransferId;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.KeyedSubmission;
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

/**
 * Where agencies move responsibility for cases between members, each step a signed submission: 201 when recorded,
 * 200 with the same body and receipt when the same submission comes again.
 */
@RestController
@RequestMapping(path = "/api/v1/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class TransferController {

    private final SubmissionGate gate;
    private final TransferSubmissions transfers;

    TransferController(SubmissionGate gate, TransferSubmissions transfers) {
        this.gate = gate;
        this.transfers = transfers;
    }

    @PostMapping(consumes = SignedMedia.JOSE)
    @Operation(summary = "Request that another member's agency take over a case (transfer.request, body {receiver, "
            + "sealedSummary})", description = "sealedSummary is the case summary sealed to encryption keys of the "
            + "sending and the receiving agency only (422 sealed-for-others otherwise). The receiver accepts or rejects")
    ResponseEntity<StepRecorded> request(@RequestBody String envelope) {
        return request(envelope, null);
    }

    @PostMapping(consumes = KeyedSubmission.MEDIA_TYPE)
    @Operation(summary = "Request a transfer of a case about a person (transfer.request with subject)",
            description = "{\"submission\": the JWS, \"subjectKeys\": {keyId: base64url key}}, as for alerts")
    ResponseEntity<StepRecorded> requestAboutAPerson(@RequestBody String body) {
        KeyedSubmission keyed = KeyedSubmission.parse(body);
        return request(keyed.submission(), keyed);
    }

    @PostMapping(path = "/requests", consumes = SignedMedia.JOSE)
    @Operation(summary = "Ask the agency holding a case to transfer it to yours (transfer.ask, body {holder, "
            + "sealedSummary})", description = "The holder grants or refuses; a grant hands the case over")
    ResponseEntity<StepRecorded> ask(@RequestBody String envelope) {
        return ask(envelope, null);
    }

    @PostMapping(path = "/requests", consumes = KeyedSubmission.MEDIA_TYPE)
    @Operation(summary = "Ask for a case about a person (transfer.ask with subject)")
    ResponseEntity<StepRecorded> askAboutAPerson(@RequestBody String body) {
        KeyedSubmission keyed = KeyedSubmission.parse(body);
        return ask(keyed.submission(), keyed);
    }

    @PostMapping(path = "/{transferId}/acceptance", consumes = SignedMedia.JOSE)
    @Operation(summary = "Accept a transfer requested of your agency (transfer.accept, body {transferId})",
            description = "Responsibility then moves to your agency; the sender keeps read access for audit only")
    ResponseEntity<StepRecorded> accept(@PathVariable UUID transferId, @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.TRANSFER_ACCEPT);
        samePath(transferId, gate.body(admitted, TransferBodies.Answer.class).transferId());
        return answer(transfers.accept(new TransferId(transferId), admitted));
    }

    @PostMapping(path = "/{transferId}/rejection", consumes = SignedMedia.JOSE)
    @Operation(summary = "Reject a transfer requested of your agency (transfer.reject, body {transferId, reason})")
    ResponseEntity<StepRecorded> reject(@PathVariable UUID transferId, @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.TRANSFER_REJECT);
        TransferBodies.Refusal body = gate.body(admitted, TransferBodies.Refusal.class);
        samePath(transferId, body.transferId());
        return answer(transfers.reject(new TransferId(transferId), body.reason().strip(), admitted));
    }

    @PostMapping(path = "/{transferId}/grant", consumes = SignedMedia.JOSE)
    @Operation(summary = "Grant a transfer your agency was asked for (transfer.grant, body {transferId})")
    ResponseEntity<StepRecorded> grant(@PathVariable UUID transferId, @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.TRANSFER_GRANT);
        samePath(transferId, gate.body(admitted, TransferBodies.Answer.class).transferId());
        return answer(transfers.grant(new TransferId(transferId), admitted));
    }

    @PostMapping(path = "/{transferId}/refusal", consumes = SignedMedia.JOSE)
    @Operation(summary = "Refuse a transfer your agency was asked for (transfer.refuse, body {transferId, reason})")
    ResponseEntity<StepRecorded> refuse(@PathVariable UUID transferId, @RequestBody String envelope) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.TRANSFER_REFUSE);
        TransferBodies.Refusal body = gate.body(admitted, TransferBodies.Refusal.class);
        samePath(transferId, body.transferId());
        return answer(transfers.refuse(new TransferId(transferId), body.reason().strip(), admitted));
    }

    private ResponseEntity<StepRecorded> request(String envelope, KeyedSubmission keys) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.TRANSFER_REQUEST);
        return opened(transfers.request(admitted, gate.body(admitted, TransferBodies.Request.class), keys));
    }

    private ResponseEntity<StepRecorded> ask(String envelope, KeyedSubmission keys) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.TRANSFER_ASK);
        return opened(transfers.ask(admitted, gate.body(admitted, TransferBodies.Ask.class), keys));
    }

    private static ResponseEntity<StepRecorded> opened(TransferSubmissions.Outcome outcome) {
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/transfers/" + outcome.accepted().transferId()))
                    .body(outcome.accepted());
        }
        return ResponseEntity.ok(outcome.accepted());
    }

    private static ResponseEntity<StepRecorded> answer(TransferSubmissions.Outcome outcome) {
        return outcome.created() ? ResponseEntity.status(201).body(outcome.accepted())
                : ResponseEntity.ok(outcome.accepted());
    }

    private static void samePath(UUID inPath, UUID inBody) {
        if (!inBody.equals(inPath)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The path names transfer " + inPath
                    + " but the signed body names " + inBody);
        }
    }
}
