package org.ewn.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ewn.access.NetworkUser;
import org.ewn.access.Role;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where each read model stands against the log, and its rebuild from zero by a network administrator. A rebuild
 * clears the model and replays the whole log into it while new events keep arriving; they are applied after the
 * replay reaches them, in the log's order, so the result equals the model built live. Until the rebuild has caught
 * up, the model shows only what it has replayed so far, and its status says so.
 */
@RestController
@RequestMapping("/api/v1/admin/read-models")
class ReadModelController {

    private static final Logger log = LoggerFactory.getLogger(ReadModelController.class);
    /** The read models a rebuild may clear: those that hold nothing but what the log says. */
    private static final List<String> REBUILDABLE = List.of("inbox", "directory");

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine store;
    private final String network;

    ReadModelController(EventProcessingConfiguration processing, EventStorageEngine store,
                        @Value("${ewn.trust.network:EWN}") String network) {
        this.processing = processing;
        this.store = store;
        this.network = network;
    }

    @GetMapping
    @Operation(summary = "Where each read model stands (network administrators)",
            description = "For each read model: the global index it has reached, the log's head, the share done, "
                    + "and whether it is rebuilding")
    List<ReadModelStatus> status(@AuthenticationPrincipal NetworkUser caller) {
        administrator(caller);
        return REBUILDABLE.stream().map(this::status).toList();
    }

    @GetMapping("/{name}")
    ReadModelStatus one(@AuthenticationPrincipal NetworkUser caller, @PathVariable String name) {
        administrator(caller);
        return status(known(name));
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a read model from zero (network administrators)",
            description = "202 at once; follow the progress at /api/v1/admin/read-models/{name}. Live traffic goes "
                    + "on; until the rebuild has caught up, the model shows only what it has replayed")
    ResponseEntity<ReadModelStatus> rebuild(@AuthenticationPrincipal NetworkUser caller, @PathVariable String name) {
        administrator(caller);
        TrackingEventProcessor processor = processor(known(name));
        log.info("{} rebuilds read model {} from zero", caller.getUsername(), name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/read-models/" + name)).body(status(name));
    }

    private ReadModelStatus status(String name) {
        TrackingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long head = position(store.createHeadToken()).orElse(-1L);
        long reached = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1L)).min().orElse(-1L);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        double done = head < 0 ? 1.0 : Math.min(1.0, (reached + 1) / (double) (head + 1));
        return new ReadModelStatus(name, processor.isRunning(), replaying, caughtUp && !replaying, reached, head,
                Math.round(done * 1000) / 10.0);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    private TrackingEventProcessor processor(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow(() -> new ProblemException(
                ProblemTypes.NOT_FOUND, 404, "Read model " + name + " does not run on this node"));
    }

    private static String known(String name) {
        if (!REBUILDABLE.contains(name)) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No read model " + name + "; the read models are "
                    + REBUILDABLE);
        }
        return name;
    }

    /** An administrator account of the network itself, not of a member. */
    private void administrator(NetworkUser caller) {
        if (caller == null || !caller.hasRole(Role.ADMINISTRATOR) || !caller.member().value().equals(network)) {
            throw new ProblemException(ProblemTypes.FORBIDDEN, 403, "Only the network's administrators see and "
                    + "rebuild read models");
        }
    }

    /**
     * @param position  the last global index the model has applied; -1 before the first
     * @param head      the log's last global index
     * @param percent   the share of the log applied, 0 to 100
     * @param current   whether the model has caught up with the log and is not replaying
     */
    record ReadModelStatus(String name, boolean running, boolean replaying, boolean current, long position, long head,
                           double percent) {
    }
}
