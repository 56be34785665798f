package org.ewn.command.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.command.submission.SignedMedia;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * The administration of the network's membership. Every request is a signed submission (a JWS, {@code
 * application/jose}); the signature says who acts, and the network aggregate decides whether they may.
 */
@RestController
class MembershipController {

    private final MembershipSubmissions submissions;

    MembershipController(MembershipSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = "/api/v1/network", consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Found the network (network.found), signed by its first administrator; accepted only for "
                         + "the root certificate the hub is configured with")
    ResponseEntity<SubmissionAccepted> found(@SignedBody @RequestBody String envelope) {
        return answer(submissions.found(envelope, false), URI.create("/api/v1/members"));
    }

    @PostMapping(path = "/api/v1/members", consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Admit a member (member.admit), by a network administrator")
    ResponseEntity<SubmissionAccepted> admit(@SignedBody @RequestBody String envelope) {
        return answer(submissions.admit(envelope), URI.create("/api/v1/members"));
    }

    @PostMapping(path = "/api/v1/members/{member}/suspension", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Suspend a member (member.suspend), by a network administrator")
    ResponseEntity<SubmissionAccepted> suspend(@PathVariable String member, @SignedBody @RequestBody String envelope) {
        return answer(submissions.suspend(envelope, MemberCode.of(member)), URI.create("/api/v1/members/" + member));
    }

    @PostMapping(path = "/api/v1/members/{member}/reinstatement", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reinstate a suspended member (member.reinstate), by a network administrator")
    ResponseEntity<SubmissionAccepted> reinstate(@PathVariable String member, @SignedBody @RequestBody String envelope) {
        return answer(submissions.reinstate(envelope, MemberCode.of(member)), URI.create("/api/v1/members/" + member));
    }

    @PostMapping(path = "/api/v1/agencies", consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an agency (agency.register), by an administrator of its member or the network")
    ResponseEntity<SubmissionAccepted> register(@SignedBody @RequestBody String envelope) {
        return answer(submissions.register(envelope), URI.create("/api/v1/agencies"));
    }

    @PostMapping(path = "/api/v1/agencies/{agency}/keys", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enrol a key certificate of an agency (key.enrol), by an administrator of its member")
    ResponseEntity<SubmissionAccepted> enrol(@PathVariable String agency, @SignedBody @RequestBody String envelope) {
        return answer(submissions.enrol(envelope, new AgencyCode(agency)), URI.create("/api/v1/agencies/" + agency));
    }

    @PostMapping(path = "/api/v1/agencies/{agency}/keys/{keyId}/revocation", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke a key (key.revoke), by the agency itself or an administrator of its member")
    ResponseEntity<SubmissionAccepted> revoke(@PathVariable String agency, @PathVariable String keyId,
                                              @SignedBody @RequestBody String envelope) {
        return answer(submissions.revoke(envelope, new AgencyCode(agency), keyId),
                      URI.create("/api/v1/agencies/" + agency));
    }

    @PostMapping(path = "/api/v1/groups", consumes = SignedMedia.JOSE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define an address group of members, or define an existing one anew (group.define), by a "
                         + "network administrator")
    ResponseEntity<SubmissionAccepted> defineGroup(@SignedBody @RequestBody String envelope) {
        return answer(submissions.defineGroup(envelope), URI.create("/api/v1/groups"));
    }

    @PostMapping(path = "/api/v1/groups/{group}/dissolution", consumes = SignedMedia.JOSE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dissolve an address group (group.dissolve), by a network administrator")
    ResponseEntity<SubmissionAccepted> dissolveGroup(@PathVariable String group,
                                                     @SignedBody @RequestBody String envelope) {
        return answer(submissions.dissolveGroup(envelope, GroupCode.of(group)), URI.create("/api/v1/groups"));
    }

    /** Describes a signed request body in the API description. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = SignedMedia.DESCRIPTION,
            content = @Content(mediaType = SignedMedia.JOSE, schema = @Schema(type = "string")))
    @interface SignedBody {
    }

    private static ResponseEntity<SubmissionAccepted> answer(MembershipSubmissions.Outcome outcome, URI location) {
        if (outcome.created()) {
            return ResponseEntity.created(location).body(outcome.accepted());
        }
        return ResponseEntity.ok(outcome.accepted());
    }
}
