package org.ewn.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.queryhandling.QueryGateway;
import org.ewn.access.NetworkUser;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.InboxPage;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
}
