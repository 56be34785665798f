package org.ewn.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ewn.access.NetworkUser;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertId;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.inbox.InboxPage;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

/** A member's inbox; the caller only ever sees the inbox of its own member. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    private final QueryGateway queries;

    InboxController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's member's inbox, newest first", security = @SecurityRequirement(name = "basic"))
    InboxPage inbox(@AuthenticationPrincipal NetworkUser caller,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        return queries.query(new FindInbox(caller.member(), page, size), InboxPage.class).join();
    }

    @GetMapping(path = "/alerts/{alertId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One alert, for its addressees and its originator's member",
            security = @SecurityRequirement(name = "basic"))
    InboxAlert alert(@AuthenticationPrincipal NetworkUser caller, @PathVariable UUID alertId) {
        Optional<InboxAlert> found = queries.query(new FindInboxAlert(caller.member(), new AlertId(alertId)),
                ResponseTypes.optionalInstanceOf(InboxAlert.class)).join();
        return found.orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                "No alert " + alertId + " for member " + caller.member()
                        + "; it may not exist, not be addressed to this member, or not be projected yet"));
    }
}
