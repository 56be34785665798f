package org.ewn.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertId;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.InboxAlertDetail;
import org.ewn.api.inbox.InboxBox;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxPage;
import org.ewn.api.member.MemberCode;
import org.ewn.access.NetworkUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

import static org.ewn.query.inbox.InboxParameters.instant;
import static org.ewn.query.inbox.InboxParameters.value;

/** What any member's inbox, or one of its alerts, showed at a past moment: for auditors only. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class InboxAsOfController {

    private final InboxAsOf asOf;
    private final StepSignatures signatures;
    private final ReadsLog reads;

    InboxAsOfController(InboxAsOf asOf, StepSignatures signatures, ReadsLog reads) {
        this.asOf = asOf;
        this.signatures = signatures;
        this.reads = reads;
    }

    @GetMapping(path = "/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A member's inbox as it showed at a moment (auditors only), rebuilt from the log up to then",
            security = @SecurityRequirement(name = "basic"))
    InboxPage inbox(@RequestParam String member, @RequestParam String at,
                    @RequestParam(required = false) String box,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        MemberCode viewer = member(member);
        Instant moment = moment(at);
        FindInbox query;
        try {
            query = new FindInbox(viewer, value("box", box, InboxBox.class, InboxBox.RECEIVED), InboxFilter.ALL,
                                  page, size);
        } catch (IllegalArgumentException e) {
            throw InboxParameters.invalid(e.getMessage());
        }
        return asOf.at(moment, queries -> queries.handle(query));
    }

    @GetMapping(path = "/alerts/{alertId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An alert as a member saw it at a moment (auditors only), rebuilt from the log up to then",
            security = @SecurityRequirement(name = "basic"))
    InboxAlertDetail alert(@AuthenticationPrincipal NetworkUser auditor, @PathVariable String alertId,
                           @RequestParam String member, @RequestParam String at) {
        AlertId id;
        try {
            id = AlertId.of(alertId);
        } catch (IllegalArgumentException e) {
            throw InboxParameters.invalid("The alert id must be a UUID");
        }
        FindInboxAlert query = new FindInboxAlert(member(member), id);
        Optional<InboxAlertDetail> found = asOf.at(moment(at), queries -> queries.handle(query));
        reads.viewed(auditor, "alert-as-of", id.toString(), found.isPresent());
        InboxAlertDetail detail = found.orElseThrow(() ->
                new ProblemException(ProblemTypes.NOT_FOUND, 404, "Member " + member + " could not see alert "
                                     + alertId + " at " + at));
        return new InboxAlertDetail(detail.alert(), detail.sealedText(), detail.subjects(),
                signatures.check(detail.alert().alertId(), detail.history()));
    }

    private static MemberCode member(String code) {
        try {
            return MemberCode.of(code);
        } catch (IllegalArgumentException e) {
            throw InboxParameters.invalid(e.getMessage());
        }
    }

    private static Instant moment(String at) {
        Instant moment = instant("at", at);
        if (moment == null) {
            throw InboxParameters.invalid("Parameter 'at' takes an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
        return moment;
    }
}
