package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.trust.Pem;
import org.ewn.verify.ExportLines;
import org.ewn.verify.Failure;
import org.ewn.verify.LogVerifier;
import org.ewn.verify.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Verifies the whole log in one pass, from an export or straight from the hub: the hash chain, every envelope
 * against the membership as of its event, and the Merkle root of the verified leaves against the signed tree heads.
 */
@Command(name = "verify", description = "Verify the whole event log offline (--export FILE) or from the hub (--hub, "
        + "--user, an auditor): hash chain, every signature against the keys, certificates and revocations in force "
        + "at its event, and the signed tree heads. Ends with a report naming every failure by global index.",
        footer = "%nExit code 0: everything verifies; 1: a failure is reported (or the log cannot be read).")
final class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    AuditOptions audit;

    @Option(names = "--export", paramLabel = "FILE", description = "An export written by `ewn audit export`.")
    Path export;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path reportJson;

    @Option(names = "--progress-every", paramLabel = "EVENTS", defaultValue = "10000",
            description = "Report progress on stderr every so many events (and every 5 s) (default ${DEFAULT-VALUE}).")
    long progressEvery;

    private LogVerifier verifier;
    private Progress progress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = audit.command.commandLine().getErr();
        X509Certificate root = audit.root();
        if (root == null) {
            err.println("note: without --root-certificate the root is the one the log's founding carries");
        }
        verifier = new LogVerifier(root);
        progress = new Progress(err, progressEvery);
        if (export != null) {
            fromExport();
        } else {
            fromHub();
        }
        Report report = verifier.finish();
        progress.done(verifier.events());
        PrintWriter out = audit.command.commandLine().getOut();
        out.print(report.text());
        out.flush();
        if (reportJson != null) {
            Files.writeString(reportJson, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                                          + "\n", StandardCharsets.UTF_8);
        }
        return report.clean() ? 0 : 1;
    }

    private void fromExport() throws IOException {
        try (InputStream in = Files.newInputStream(export)) {
            ExportLines.forEach(in, line -> {
                if (!line.isBlank()) {
                    read(line, true);
                }
            });
        }
    }

    private void fromHub() {
        TreeHeads.Head head = audit.verifiedHead();
        verifier.expectRoot(head.treeSize(), head.rootHash());
        long next = 0;
        while (next < head.treeSize()) {
            long before = next;
            try (Stream<String> lines = audit.client().lines(AuditExportCommand.EVENTS_PATH + "?from=" + next
                                                              + "&limit=" + (head.treeSize() - next))) {
                for (String line : (Iterable<String>) lines::iterator) {
                    JsonNode node = read(line, false);
                    if (node != null && node.has("next")) {
                        next = node.get("next").asLong();
                    }
                }
            }
            if (next == before) {
                verifier.fail(new Failure(next, "tree-head-mismatch", "the hub's log ends at " + next
                        + " events, below its own tree head of " + head.treeSize()));
                break;
            }
        }
    }

    /** An event line goes to the verifier as it is; any other line is read here, for a tree head or a resume point. */
    private JsonNode read(String line, boolean trailersAreHeads) {
        if (verifier.line(line)) {
            progress.tick(verifier.events(), verifier.lastIndex());
            return null;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            return null; // the verifier has reported it
        }
        if (trailersAreHeads && node.has("treeHead")) {
            head(node);
        }
        return node;
    }

    /** A trailer of the export: the head the hub signed when the lines before it were exported. */
    private void head(JsonNode trailer) {
        long size = trailer.path("treeSize").asLong(-1);
        try {
            List<X509Certificate> hubChain = audit.hubCertificate != null ? audit.hubChain()
                    : Pem.readCertificates(trailer.path("hubCertificate").asText());
            TreeHeads.Head head = TreeHeads.verify(trailer.path("treeHead").asText(), hubChain, audit.root());
            verifier.expectRoot(head.treeSize(), head.rootHash());
        } catch (RuntimeException e) {
            verifier.fail(new Failure(size, "tree-head-untrusted", String.valueOf(e.getMessage())));
        }
    }

    /** Progress on stderr, so that stdout keeps only the report. */
    private static final class Progress {

        private final PrintWriter err;
        private final long every;
        private final long started = System.nanoTime();
        private long lastShown = started;

        Progress(PrintWriter err, long every) {
            this.err = err;
            this.every = Math.max(1, every);
        }

        void tick(long events, long index) {
            long now = System.nanoTime();
            if (events % every == 0 || now - lastShown > 5_000_000_000L) {
                lastShown = now;
                err.printf("verified %,d events (global index %d), %,.0f events/s%n", events, index,
                           events / ((now - started) / 1e9));
                err.flush();
            }
        }

        void done(long events) {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf("read %,d events in %.1f s (%,.0f events/s)%n", events, seconds, events / seconds);
            err.flush();
        }
    }
}
