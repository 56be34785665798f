package org.ewn.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ewn.access.NetworkUser;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.InboxBox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.FindInboxStatistics;
import org.ewn.api.inbox.InboxStatistics;
import org.ewn.api.inbox.InboxAlertDetail;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxPage;
import org.ewn.api.inbox.InboxState;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.ewn.query.inbox.InboxParameters.instant;
import static org.ewn.query.inbox.InboxParameters.text;
import static org.ewn.query.inbox.InboxParameters.value;
import static org.ewn.query.inbox.InboxParameters.values;

/** A member's inbox; the caller only ever sees the inbox of its own member. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    private final QueryGateway queries;
    private final StepSignatures signatures;
    private final ReadsLog reads;

    InboxController(QueryGateway queries, StepSignatures signatures, ReadsLog reads) {
        this.queries = queries;
        this.signatures = signatures;
        this.reads = reads;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's member's inbox, newest first",
            description = "The alerts addressed to the caller's member that meet every criterion given; a repeated "
                          + "parameter (or a comma-separated list) admits any of its values. 'total' counts every "
                          + "alert that matches, over all pages. A bad value is a 400 invalid-request problem.",
            security = @SecurityRequirement(name = "basic"))
    InboxPage inbox(@AuthenticationPrincipal NetworkUser caller,
                    @Parameter(description = "UNACKNOWLEDGED or ACKNOWLEDGED (by the caller's member), OVERDUE "
                                             + "(unacknowledged past the deadline; for the originator's member, by "
                                             + "any addressee), WITHDRAWN, EXPIRED (past validUntil)")
                    @RequestParam(required = false) List<String> state,
                    @Parameter(description = "FLASH, IMMEDIATE, PRIORITY, ROUTINE")
                    @RequestParam(required = false) List<String> precedence,
                    @Parameter(description = "an alert category, such as CYBER_INCIDENT")
                    @RequestParam(required = false) List<String> category,
                    @Parameter(description = "ACTUAL, EXERCISE, TEST")
                    @RequestParam(required = false) List<String> status,
                    @Parameter(description = "RED, AMBER_STRICT, AMBER, GREEN, CLEAR")
                    @RequestParam(required = false) List<String> marking,
                    @Parameter(description = "raised at or after this ISO-8601 instant")
                    @RequestParam(required = false) String from,
                    @Parameter(description = "raised before this ISO-8601 instant")
                    @RequestParam(required = false) String to,
                    @Parameter(description = "text that the title, the text or a follow-up contains, ignoring case; "
                                             + "1 to " + InboxFilter.MAX_TEXT_LENGTH + " characters")
                    @RequestParam(required = false) String q,
                    @Parameter(description = "RECEIVED (the default): alerts addressed to the caller's member; SENT: "
                                             + "alerts its agencies raised, ACKNOWLEDGED once every addressee has")
                    @RequestParam(required = false) String box,
                    @RequestParam(defaultValue = "0") int page,
                    @Parameter(description = "1 to " + FindInbox.MAX_PAGE_SIZE)
                    @RequestParam(defaultValue = "50") int size) {
        FindInbox query;
        try {
            query = new FindInbox(caller.member(), value("box", box, InboxBox.class, InboxBox.RECEIVED),
                    new InboxFilter(values("state", state, InboxState.class),
                            values("precedence", precedence, Precedence.class),
                            values("category", category, AlertCategory.class),
                            values("status", status, AlertStatus.class),
                            values("marking", marking, HandlingMarking.class), instant("from", from),
                            instant("to", to), text(q)), page, size);
        } catch (IllegalArgumentException e) {
            throw InboxParameters.invalid(e.getMessage());
        }
        return queries.query(query, InboxPage.class).join();
    }

    @GetMapping(path = "/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's member's inbox in figures",
            description = "For the alerts addressed to the caller's member and raised in the last 'days' days (UTC, "
                          + "today included): counts per day by category and precedence (a missing key counts 0), and "
                          + "per precedence how long the member took to acknowledge (count, median and 90th "
                          + "percentile in seconds, nearest rank); and how many alerts, of any time, the member has "
                          + "yet to acknowledge (neither withdrawn nor expired) and how many of those are overdue.",
            security = @SecurityRequirement(name = "basic"))
    InboxStatistics statistics(@AuthenticationPrincipal NetworkUser caller,
                               @Parameter(description = "1 to " + FindInboxStatistics.MAX_DAYS)
                               @RequestParam(defaultValue = "" + FindInboxStatistics.DEFAULT_DAYS) int days) {
        FindInboxStatistics query;
        try {
            query = new FindInboxStatistics(caller.member(), days);
        } catch (IllegalArgumentException e) {
            throw InboxParameters.invalid(e.getMessage());
        }
        return queries.query(query, InboxStatistics.class).join();
    }

    @GetMapping(path = "/alerts/{alertId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One alert with its history, for its addressees and its originator's member",
            description = "The alert as in the inbox (its text is the latest follow-up's) and 'history': its steps in "
                          + "the order of the log, each with its position and time: raised, acknowledged, followed "
                          + "up, withdrawn, onward sharing requested and decided, as far as the caller's member may "
                          + "see them; each with 'signature': the stored signed envelope checked again with the "
                          + "key and certificate the membership holds, as of when it was signed (VERIFIED or "
                          + "FAILED with a reason), or HUB for the hub's own escalations",
            security = @SecurityRequirement(name = "basic"))
    InboxAlertDetail alert(@AuthenticationPrincipal NetworkUser caller, @PathVariable UUID alertId) {
        Optional<InboxAlertDetail> found = queries.query(new FindInboxAlert(caller.member(), new AlertId(alertId)),
                ResponseTypes.optionalInstanceOf(InboxAlertDetail.class)).join();
        reads.viewed(caller, "alert", alertId.toString(), found.isPresent());
        InboxAlertDetail detail = found.orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                "No alert " + alertId + " for member " + caller.member()
                        + "; it may not exist, not be addressed to this member, or not be projected yet"));
        return new InboxAlertDetail(detail.alert(), detail.sealedText(), detail.subjects(),
                signatures.check(detail.alert().alertId(), detail.history()));
    }
}
