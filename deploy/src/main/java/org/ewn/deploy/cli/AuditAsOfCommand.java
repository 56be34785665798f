package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertId;
import org.ewn.api.inbox.InboxBox;
import org.ewn.api.member.MemberCode;
import org.ewn.query.inbox.OfflineInbox;
import org.ewn.store.LogEntry;
import org.ewn.verify.LogVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Offline work on an export: a member's inbox, or one alert, as it was at a moment, rebuilt from the exported log with
 * the hub's own projection, on the auditor's machine. Check the export with {@code ewn audit verify} first.
 */
@Command(name = "as-of", description = "From an export, without the hub: a member's inbox (or one alert with "
        + "--alert) as it was at a moment, as JSON. Verify the export with 'audit verify' first. Personal data shows "
        + "as erased: its keys stay with the hub.")
final class AuditAsOfCommand implements Callable<Integer> {

    private static final String ALERT_EVENTS = "org.ewn.api.alert.";
    private static final ObjectMapper OUTPUT = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--export", required = true, paramLabel = "FILE", description = "An export from 'audit export'.")
    Path export;

    @Option(names = "--member", required = true, paramLabel = "MEMBER", description = "Whose view, such as UZ.")
    MemberCode member;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "The moment, such as 2026-11-26T10:00:00Z (default: the end of the export).")
    Instant at;

    @Option(names = "--alert", paramLabel = "ID", description = "One alert, with its history, instead of the inbox.")
    UUID alert;

    @Option(names = "--box", paramLabel = "BOX", defaultValue = "RECEIVED",
            description = "RECEIVED or SENT (default: ${DEFAULT-VALUE}).")
    InboxBox box;

    @Option(names = "--size", paramLabel = "N", defaultValue = "200", description = "At most this many alerts.")
    int size;

    @Spec
    CommandSpec spec;

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    @Override
    public Integer call() throws IOException {
        Instant moment = at != null ? at : Instant.MAX;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            Iterator<OfflineInbox.LoggedAlertEvent> events = alertEvents(reader);
            Object answer;
            if (alert != null) {
                answer = OfflineInbox.alert(events, member, new AlertId(alert), moment).orElseThrow(() ->
                        new CliFailure("member " + member + " could not see alert " + alert + " at " + moment));
            } else {
                answer = OfflineInbox.inbox(events, member, box, moment, 0, size);
            }
            spec.commandLine().getOut().println(OUTPUT.writeValueAsString(answer));
            return 0;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The alert events of the export, in its order; membership, tree heads and the rest are skipped. */
    private Iterator<OfflineInbox.LoggedAlertEvent> alertEvents(BufferedReader reader) {
        return new Iterator<>() {
            private OfflineInbox.LoggedAlertEvent next = advance();

            private OfflineInbox.LoggedAlertEvent advance() {
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode node = Json.MAPPER.readTree(line);
                        if (!node.has("payload") || !node.path("type").asText().startsWith(ALERT_EVENTS)) {
                            continue;
                        }
                        LogEntry entry = LogVerifier.entry(node);
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(entry.payload(),
                                byte[].class, entry.payloadType(), entry.payloadRevision()));
                        if (payload instanceof AlertEvent event) {
                            return new OfflineInbox.LoggedAlertEvent(event, entry.globalIndex(), entry.timestamp());
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    throw new CliFailure(export + " holds an event that cannot be read: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public OfflineInbox.LoggedAlertEvent next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                OfflineInbox.LoggedAlertEvent current = next;
                next = advance();
                return current;
            }
        };
    }
}
