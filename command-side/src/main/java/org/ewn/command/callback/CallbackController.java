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

    /** An agency.callback by KZ-DEMO, signed with the README's worked example's key (RFC 8037 Appendix A.1). */
    static final String EXAMPLE = "eyJhbGciOiJFZERTQSIsImtpZCI6IkJ1UDlqOW9wdTJDcldWVjk1aDdiQ3V6Ykl4RTB2akRuVzBWZmpodDVMNmsiLCJ0eXAiOiJl"
            + "d24tc3VibWlzc2lvbitqd3MifQ.eyJhZ2VuY3kiOiJLWi1ERU1PIiwiYm9keSI6eyJhZ2VuY3kiOiJLWi1ERU1PIiwidXJsIjoia"
            + "HR0cHM6Ly9rei1kZW1vLmV4YW1wbGUvZXduL25vdGlmaWNhdGlvbnMifSwiaXNzdWVkQXQiOiIyMDI2LTExLTI2VDA5OjMwOjAwW"
            + "iIsIm5ldHdvcmsiOiJFV04iLCJzdWJtaXNzaW9uSWQiOiI3YzFlNGI1Mi05YTBkLTRmM2UtOGI2YS0yZDVjOWUwZjFhMjMiLCJ0e"
            + "XBlIjoiYWdlbmN5LmNhbGxiYWNrIn0.nTuIKwgzu2zYLYBDIKqOnQrwqZuX6lKvctbEbXdFpEQpOLulx4C-ZNoLwXFTMLQs5Baxx"
            + "jo7P_smsl-Q7YnaDA";

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
                            examples = @ExampleObject(name = "agency.callback", summary = "KZ-DEMO registers "
                                    + "https://kz-demo.example/ewn/notifications", value = EXAMPLE)))
            @RequestBody String envelope) {
        CallbackSubmissions.Outcome outcome = submissions.set(envelope, agency);
        return outcome.created() ? ResponseEntity.status(201).body(outcome.accepted())
                : ResponseEntity.ok(outcome.accepted());
    }
}
