package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Copies the log into an NDJSON file up to a tree head the hub signs now, then appends that head (with the hub's
 * certificate) as a trailer line, so that {@code audit verify --export} can check the file alone. Run again, it
 * appends what the log gained since the last event in the file.
 */
@Command(name = "export", description = "Export the event log (auditors) as NDJSON up to a freshly signed tree head, "
        + "which ends the file; run again to append what was logged since.",
        footer = "%nExit code 0: the file holds the log up to the head; 1: it could not be written or read.")
final class AuditExportCommand implements Callable<Integer> {

    static final String EVENTS_PATH = "/api/v1/audit/events";

    @Mixin
    AuditOptions audit;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The NDJSON file to write or extend.")
    Path out;

    @Override
    public Integer call() throws IOException {
        long from = nextIndexIn(out);
        TreeHeads.Head head = audit.verifiedHead();
        var say = audit.command.commandLine().getOut();
        if (head.treeSize() <= from) {
            say.println(out + " already holds the log up to " + from + " events; the hub's head has "
                    + head.treeSize());
            return 0;
        }
        long started = System.nanoTime();
        long written = 0;
        try (BufferedWriter file = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            long next = from;
            while (next < head.treeSize()) {
                long before = next;
                try (Stream<String> lines = audit.client().lines(EVENTS_PATH + "?from=" + next + "&limit="
                                                                  + (head.treeSize() - next))) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        JsonNode node = AuditOptions.json(line, EVENTS_PATH);
                        if (node.has("globalIndex")) {
                            file.write(line);
                            file.write('\n');
                            written++;
                        } else if (node.has("next")) {
                            next = node.get("next").asLong();
                        }
                    }
                }
                if (next == before) {
                    throw new CliFailure("the hub's log ends at " + next + " events, below its own tree head of "
                            + head.treeSize());
                }
            }
            ObjectNode trailer = Json.MAPPER.createObjectNode();
            trailer.put("treeSize", head.treeSize());
            trailer.put("treeHead", head.jws());
            trailer.put("hubCertificate", org.ewn.trust.Pem.writeCertificates(audit.hubChain()));
            file.write(Json.MAPPER.writeValueAsString(trailer));
            file.write('\n');
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        say.printf("exported %d events (%d to %d) to %s in %.1f s (%.0f events/s), ending with the tree head of %d "
                   + "entries%n", written, from, head.treeSize() - 1, out, seconds, written / seconds, head.treeSize());
        return 0;
    }

    /** One past the last event's index in the file, 0 for a file that does not exist yet. */
    static long nextIndexIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long next = 0;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int at = line.indexOf("\"globalIndex\":");
                if (at >= 0) {
                    int start = at + "\"globalIndex\":".length();
                    int end = start;
                    while (end < line.length() && Character.isDigit(line.charAt(end))) {
                        end++;
                    }
                    next = Math.max(next, Long.parseLong(line.substring(start, end)) + 1);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return next;
    }
}
