package org.ewn.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.store.LogStorageEngine;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;

/**
 * The whole event log for auditors, streamed as NDJSON from any global index: each event's stored bytes, chain links
 * and signed envelope, so that it can be verified offline without trusting the hub. Auditors see every event; the
 * other roles see the log only through their member's inbox.
 */
@RestController
@RequestMapping("/api/v1/audit")
@SecurityRequirement(name = "basic")
class AuditEventsController {

    static final String NDJSON = "application/x-ndjson";

    private final AuditStream stream;

    AuditEventsController(LogStorageEngine log) {
        this.stream = new AuditStream(log::entriesFrom);
    }

    @GetMapping("/events")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "The event log from a global index as NDJSON (auditors only); the last line {next, events} "
                         + "says where to resume. member= keeps events signed by its agencies or addressed to it")
    void events(
            @RequestParam(defaultValue = "0") long from,
            @RequestParam(required = false) Long limit,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) String member,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            HttpServletResponse response) throws IOException {
        if (from < 0 || (limit != null && limit < 1)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "from must be 0 or more, limit 1 or more");
        }
        AuditStream.Query query = new AuditStream.Query(from, limit == null ? Long.MAX_VALUE : limit, type,
                                                        aggregate, member, since, until);
        // written straight to the response, flushed batch by batch: a long log streams instead of being buffered
        response.setContentType(NDJSON);
        stream.write(query, response.getOutputStream());
    }
}
