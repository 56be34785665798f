package org.ewn.command.callback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ewn.api.member.AgencyCode;
import org.ewn.command.submission.SignedMedia;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where an agency registers the URL the hub calls it back at. */
@RestController
class CallbackController {

    private final CallbackSubmissions submissions;

    CallbackController(CallbackSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = "/api/v1/agencies/{agency}/callback", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register or remove an agency's callback URL (agency.callback)",
            description = "A signed agency.callback submission {agency, url} or {agency, remove: true}, by the agency "
                    + "itself or an administrator of its member. From then on, each change of status of a referral "
                    + "or case transfer the agency is a party to is POSTed to the URL as application/jose: a JWS "
                    + "typed ewn-notification+jws, signed with the hub's receipt key (GET /api/v1/trust/"
                    + "hub-certificate), over {type: notification, network, notificationId, caseKind, caseId, "
                    + "status, at, globalIndex}, with the header Ewn-Notification-Id. Anything but a 2xx answer is "
                    + "retried with exponential backoff; the same id may come more than once, so the receiver "
                    + "keeps the ids it has seen. Only https URLs. 201 when recorded; 200 with the same body for a "
                    + "repeated submission")
    ResponseEntity<CallbackAccepted> set(@PathVariable AgencyCode agency,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = SignedMedia.DESCRIPTION,
                    content = @Content(mediaType = SignedMedia.JOSE, schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "agency.callback", summary = "a signed submission "
                                    + "(this example is an alert.raise; an agency.callback has the body {agency, "
                                    + "url})", value = SignedMedia.EXAMPLE)))
            @RequestBody String envelope) {
        CallbackSubmissions.Outcome outcome = submissions.set(envelope, agency);
        return outcome.created() ? ResponseEntity.status(201).body(outcome.accepted())
                : ResponseEntity.ok(outcome.accepted());
    }
}
