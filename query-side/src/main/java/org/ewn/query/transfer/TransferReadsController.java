package org.ewn.query.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.access.NetworkUser;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.audit.RecordViewed;
import org.ewn.api.inbox.InboxSubject;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.transfer.TransferStatus;
import org.ewn.protect.DataProtectionException;
import org.ewn.protect.SubjectCipher;
import org.ewn.protect.SubjectKeyStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The case transfers of the caller's member; a transfer is seen only by the members of its two parties. */
@RestController
@RequestMapping(path = "/api/v1/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class TransferReadsController {

    static final int MAX_PAGE_SIZE = 200;

    private final TransferViews views;
    private final EventStore events;
    private final SubjectKeyStore keys;
    private final Clock clock = Clock.systemUTC();

    TransferReadsController(TransferViews views, EventStore events, ObjectProvider<SubjectKeyStore> keys) {
        this.views = views;
        this.events = events;
        this.keys = keys.getIfAvailable();
    }

    @GetMapping
    @Operation(summary = "The transfers the caller's member is a party to, newest first",
            security = @SecurityRequirement(name = "basic"))
    TransferViewsPage list(@AuthenticationPrincipal NetworkUser caller,
                           @Parameter(description = "REQUESTED, ASKED, ACCEPTED, GRANTED, REJECTED, REFUSED, "
                                                    + "HANDED_OVER; repeated or comma-separated admits any")
                           @RequestParam(required = false) List<String> status,
                           @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "1 to " + MAX_PAGE_SIZE)
                           @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return views.list(caller.member(), statuses(status), page, size);
    }

    @GetMapping("/{transferId}")
    @Operation(summary = "One transfer with its history, for the members of its two parties",
            description = "Who holds responsibility now, the former holder (read-only after the handover), the case "
                          + "summary sealed for the two parties' agencies, the person it is about, and each step; "
                          + "404 for everyone else. Every opening is recorded in the log",
            security = @SecurityRequirement(name = "basic"))
    TransferDetail transfer(@AuthenticationPrincipal NetworkUser caller, @PathVariable UUID transferId) {
        var found = views.find(caller.member(), transferId);
        events.publish(GenericEventMessage.asEventMessage(new RecordViewed("transfer", transferId.toString(),
                caller.getUsername(), caller.agency(), caller.member(), found.isPresent(), clock.instant())));
        var transfer = found.orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404, "No transfer "
                + transferId + " for member " + caller.member() + "; it may not exist, not concern this member, or "
                + "not be projected yet"));
        return new TransferDetail(transfer.summary(), transfer.sealedSummary(),
                transfer.subjects().stream().map(this::open).toList(), transfer.history());
    }

    /** Personal data opens only here, for a party's member; a subject whose key is gone shows as erased. */
    private InboxSubject open(ProtectedData data) {
        var key = keys == null ? java.util.Optional.<javax.crypto.SecretKey>empty() : keys.key(data.subject(),
                data.keyId());
        if (key.isEmpty()) {
            return InboxSubject.erased(data.subject(), keys == null ? null : keys.erasedAt(data.subject()).orElse(null));
        }
        try {
            return InboxSubject.open(data.subject(), SubjectCipher.open(data, key.get()));
        } catch (DataProtectionException | IllegalArgumentException e) {
            return InboxSubject.erased(data.subject(), null);
        }
    }

    private static Set<TransferStatus> statuses(List<String> given) {
        Set<TransferStatus> statuses = EnumSet.noneOf(TransferStatus.class);
        for (String value : given == null ? List.<String>of() : given) {
            if (value.isBlank()) {
                continue;
            }
            try {
                statuses.add(TransferStatus.valueOf(value.strip()));
            } catch (IllegalArgumentException e) {
                throw invalid("Parameter 'status' takes " + Arrays.toString(TransferStatus.values()));
            }
        }
        return statuses;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.INVALID_REQUEST, 400, detail);
    }
}
