package org.ewn.query.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.access.NetworkUser;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.audit.RecordViewed;
import org.ewn.api.referral.ReferralStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The referrals of the caller's member, sent and received; no one else's. */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralReadsController {

    private final ReferralQueries queries;
    private final EventStore events;
    private final Clock clock = Clock.systemUTC();

    ReferralReadsController(ReferralQueries queries, EventStore events) {
        this.queries = queries;
        this.events = events;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The referrals the caller's member made or received, newest first",
            description = "Without personal data or summaries; 'total' counts every match over all pages. A bad "
                          + "value is a 400 invalid-request problem.",
            security = @SecurityRequirement(name = "basic"))
    ReferralViews.Page list(@AuthenticationPrincipal NetworkUser caller,
                            @Parameter(description = "SUBMITTED, ACCEPTED, DECLINED, IN_PROGRESS, CLOSED, REVOKED; "
                                                     + "repeat or separate with commas for any of several")
                            @RequestParam(required = false) List<String> status,
                            @Parameter(description = "SENT or RECEIVED; both when left out")
                            @RequestParam(required = false) String box,
                            @RequestParam(defaultValue = "0") int page,
                            @Parameter(description = "1 to " + ReferralQueries.MAX_PAGE_SIZE)
                            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > ReferralQueries.MAX_PAGE_SIZE) {
            throw invalid("page must be 0 or more and size 1 to " + ReferralQueries.MAX_PAGE_SIZE);
        }
        if (box != null && !box.equals("SENT") && !box.equals("RECEIVED")) {
            throw invalid("box must be SENT or RECEIVED");
        }
        return queries.list(caller.member(), statuses(status), box, page, size);
    }

    @GetMapping(path = "/{referralId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One referral with its history, for the members of its two agencies",
            description = "The consent, the person (personal data opened by the hub) and the summary are shown to the "
                          + "referring member always, and to the receiving member while the referral is neither "
                          + "declined nor revoked ('shared'). Every read is recorded in the log. 404 for anyone else.",
            security = @SecurityRequirement(name = "basic"))
    ReferralViews.Detail detail(@AuthenticationPrincipal NetworkUser caller, @PathVariable UUID referralId) {
        Optional<ReferralViews.Detail> found = queries.detail(caller.member(), referralId);
        // recorded before it is answered: a read that could not be recorded is not answered
        events.publish(GenericEventMessage.asEventMessage(new RecordViewed("referral", referralId.toString(),
                caller.getUsername(), caller.agency(), caller.member(), found.isPresent(), clock.instant())));
        return found.orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404, "No referral " + referralId
                + " for member " + caller.member() + "; it may not exist, not concern this member, or not be "
                + "projected yet"));
    }

    private static Set<ReferralStatus> statuses(List<String> values) {
        Set<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(ReferralStatus.valueOf(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw invalid("status " + part.strip() + " is none of " + EnumSet.allOf(ReferralStatus.class));
                }
            }
        }
        return statuses;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.INVALID_REQUEST, 400, detail);
    }
}
