package org.ewn.deploy.benchmark;

import org.axonframework.eventhandling.EventMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.OriginatorRestrictions;
import org.ewn.api.alert.Precedence;
import org.ewn.api.alert.SourceReliability;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.ewn.store.LogStorageEngine;
import org.ewn.trust.Digests;
import org.ewn.trust.SignedEnvelope;
import org.ewn.verify.ExportLines;
import org.ewn.verify.LogVerifier;
import org.ewn.verify.Report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audit path at 100k events: the log exported over {@code GET /api/v1/audit/events} to a file, then verified by
 * the offline verifier in one pass (chain, and each event's envelope against the membership), against bare Ed25519
 * checks of the same signatures in the same run. The events carry real signed alert envelopes of the demo agencies;
 * they are appended to the store directly as the alerts they raise, as the aggregate would, to build the log in
 * seconds. Then the inbox read model is rebuilt from zero (the administrators' rebuild), timed over its first
 * events, as the replay rate.
 */
final class AuditVerification {

    private static final int EVENTS = 100_000;
    private static final int BATCH = 1_000;
    private static final double TARGET = 0.75;
    private static final int REPLAYED = 5_000;

    private final ResultTable.Section section;

    AuditVerification(ResultTable table) {
        this.section = table.section(String.format("Audit export and verification (%,d signed events, one thread)",
                                                    EVENTS), "", "per second", "target");
    }

    void run() throws Exception {
        List<SignedAlerts.Signed> all = new ArrayList<>(EVENTS);
        Path file = Files.createTempFile("ewn-audit", ".ndjson");
        try {
            double exportSeconds;
            Replay replay;
            try (AllInOne application = AllInOne.start("audit")) {
                Benchmark.progress("audit: signing and appending " + EVENTS + " events");
                SignedAlerts alerts = new SignedAlerts(application);
                LogStorageEngine log = application.bean(LogStorageEngine.class);
                for (int done = 0; done < EVENTS; done += BATCH) {
                    SignedAlerts.Signed[] batch = alerts.sign(BATCH);
                    List<EventMessage<?>> events = new ArrayList<>(BATCH);
                    for (SignedAlerts.Signed signed : batch) {
                        events.add(new GenericDomainEventMessage<>("Alert", signed.submissionId().toString(), 0,
                                                                   raised(signed)));
                        all.add(signed);
                    }
                    log.appendEvents(events);
                }
                Benchmark.progress("audit: exporting");
                exportSeconds = export(application.port(), file);
                Benchmark.progress("audit: rebuilding the inbox read model from zero");
                replay = replay(application.port());
            }
            // the verifier works offline, as an auditor runs it: the application is closed, so its event processors
            // (still busy with the 100k events) take no CPU from the verifier or from the raw checks
            long lines = Files.lines(file).count() - 1;
            Benchmark.progress("audit: verifying");
            Interleaved run = new Interleaved(all);
            Report report = run.verify(file);
            double verified = run.events / (run.verifyNanos / 1e9);
            double raw = run.rawChecks / (run.rawNanos / 1e9);
            section.row("export over the audit API (" + String.format("%,d", lines) + " lines)",
                        String.format("%,.0f", lines / exportSeconds), "");
            section.row("replay: the inbox read model rebuilt from zero, its first " + String.format("%,d",
                        replay.events()) + " events", String.format("%,.0f", replay.events() / replay.seconds()), "");
            section.row("events verified by audit verify (chain + signature + membership)",
                        String.format("%,.0f", verified), "");
            section.row("raw Ed25519 verifications, the same signatures", String.format("%,.0f", raw), "");
            double ratio = verified / raw;
            section.row("verified / raw", String.format("%.2f×", ratio),
                        String.format("≥ %.2f×: %.2f× %s", TARGET, ratio, ResultTable.met(ratio >= TARGET)));
            List<Double> slices = run.ratios.stream().sorted().toList();
            section.note(String.format("verify and raw checks ran in alternating slices of %,d lines and as many "
                                       + "raw checks, so that both met the same machine; the slices' ratios: "
                                       + "median %.2f×, 10th to 90th percentile %.2f× to %.2f× (%d slices)",
                                       Interleaved.SLICE, slices.get(slices.size() / 2),
                                       slices.get(slices.size() / 10), slices.get(slices.size() * 9 / 10),
                                       slices.size()));
            section.note(String.format("%d failures reported; %,d signatures checked; verified from the export file "
                                       + "after the application was closed", report.failures().size(),
                                       report.checked().signatures()));
        } finally {
            String keep = System.getenv("EWN_BENCHMARK_KEEP_EXPORT");
            if (keep != null && !keep.isBlank() && Files.exists(file)) {
                Files.copy(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(file);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<MemberCode> ALL_MEMBERS = Stream.of("KG", "KZ", "TJ", "TM", "UZ")
            .map(MemberCode::of).toList();

    /** The alert a signed submission raises, with the submission and its exact envelope, as the aggregate records it. */
    private static AlertRaised raised(SignedAlerts.Signed signed) {
        SignedEnvelope envelope = SignedEnvelope.parse(signed.compact());
        try {
            JsonNode content = JSON.readTree(envelope.payload());
            JsonNode body = content.get("body");
            Instant issuedAt = Instant.parse(content.get("issuedAt").asText());
            Instant now = Instant.now();
            AgencyCode agency = new AgencyCode(content.get("agency").asText());
            SignedSubmission submission = new SignedSubmission(signed.submissionId(), content.get("type").asText(),
                    agency, envelope.keyId().orElseThrow(), issuedAt, now, Digests.sha256Hex(envelope.payload()),
                    signed.compact());
            List<MemberCode> addressees = body.has("addressees") ? Stream.of(JSON.treeToValue(body.get("addressees"),
                    String[].class)).map(MemberCode::of).toList() : ALL_MEMBERS;
            Precedence precedence = Precedence.valueOf(body.get("precedence").asText());
            AlertDetails details = new AlertDetails(HandlingMarking.AMBER, OriginatorRestrictions.NONE,
                    SourceReliability.X, 4, AlertStatus.ACTUAL, issuedAt, null, List.of());
            return new AlertRaised(new AlertId(signed.submissionId()), agency, addressees, precedence,
                    AlertCategory.valueOf(body.get("category").asText()), body.get("title").asText(),
                    body.get("text").asText(), null, details, List.of(), now.plusSeconds(3600), submission);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param events how many events the rebuilt model applied in {@code seconds} */
    private record Replay(long events, double seconds) {
    }

    /**
     * Rebuilds the inbox from zero as a network administrator does, and times how long it takes to apply the first
     * {@value #REPLAYED} events of the log: the whole log takes too long on the embedded store (see the README).
     */
    private static Replay replay(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Basic " + Base64.getEncoder().encodeToString(("ewn-admin:" + AllInOne.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        URI status = URI.create("http://127.0.0.1:" + port + "/api/v1/admin/read-models/inbox");
        long started = System.nanoTime();
        HttpResponse<String> rebuild = http.send(HttpRequest.newBuilder(URI.create(status + "/rebuild"))
                .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (rebuild.statusCode() != 202) {
            throw new IllegalStateException("the rebuild answered " + rebuild.statusCode() + ": " + rebuild.body());
        }
        while (true) {
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(status).header("Authorization", admin)
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            long position = state.get("position").asLong();
            if (position + 1 >= REPLAYED || state.get("current").asBoolean()) {
                return new Replay(position + 1, (System.nanoTime() - started) / 1e9);
            }
            Thread.sleep(50);
        }
    }

    private static double export(int port, Path file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("kz-auditor:" + AllInOne.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the audit stream answered " + response.statusCode());
        }
        try (InputStream body = response.body()) {
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * The offline verifier over the export, as {@code ewn audit verify} reads it, and after each slice of its lines as
     * many raw Ed25519 checks of the benchmark's signatures: the ratio of the two rates is then not a comparison of
     * two moments of a noisy machine.
     */
    private static final class Interleaved {

        static final int SLICE = 1_000;

        private final List<SignedAlerts.Signed> signatures;
        private final LogVerifier verifier = new LogVerifier(null);
        private final List<Double> ratios = new ArrayList<>();
        private long events;
        private long verifyNanos;
        private long rawChecks;
        private long rawNanos;
        private int next;
        private int linesInSlice;
        private long sliceStarted;

        Interleaved(List<SignedAlerts.Signed> signatures) {
            this.signatures = signatures;
        }

        Report verify(Path file) throws IOException {
            sliceStarted = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                ExportLines.forEach(in, line -> {
                    verifier.line(line);
                    if (++linesInSlice == SLICE) {
                        endSlice();
                    }
                });
            }
            endSlice();
            return verifier.finish();
        }

        private void endSlice() {
            long sliceNanos = System.nanoTime() - sliceStarted;
            long sliceEvents = verifier.events() - events;
            if (sliceEvents > 0) {
                events += sliceEvents;
                verifyNanos += sliceNanos;
                long started = System.nanoTime();
                for (long i = 0; i < sliceEvents; i++) {
                    SignedAlerts.Signed signed = signatures.get(next++ % signatures.size());
                    Ed25519Signer signer = new Ed25519Signer();
                    signer.init(false, signed.publicKey());
                    signer.update(signed.signingInput(), 0, signed.signingInput().length);
                    if (!signer.verifySignature(signed.signature())) {
                        throw new IllegalStateException("a benchmark signature does not verify");
                    }
                }
                long rawSliceNanos = System.nanoTime() - started;
                rawChecks += sliceEvents;
                rawNanos += rawSliceNanos;
                ratios.add((double) rawSliceNanos / sliceNanos);
            }
            linesInSlice = 0;
            sliceStarted = System.nanoTime();
        }
    }

}
