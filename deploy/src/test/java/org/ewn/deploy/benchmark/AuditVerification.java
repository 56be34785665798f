package org.ewn.deploy.benchmark;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.ewn.store.LogStorageEngine;
import org.ewn.trust.Digests;
import org.ewn.trust.SignedEnvelope;
import org.ewn.verify.LogVerifier;
import org.ewn.verify.Report;

import java.io.BufferedReader;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit path at 100k events: the log exported over {@code GET /api/v1/audit/events} to a file, then verified by
 * the offline verifier in one pass (chain, and each event's envelope against the membership), against bare Ed25519
 * checks of the same signatures in the same run. The events carry real signed alert envelopes of the demo agencies;
 * they are appended to the store directly, as the aggregate would, to build the log in seconds.
 */
final class AuditVerification {

    private static final int EVENTS = 100_000;
    private static final int BATCH = 1_000;
    private static final double TARGET = 0.75;

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
            try (AllInOne application = AllInOne.start("audit")) {
                Benchmark.progress("audit: signing and appending " + EVENTS + " events");
                SignedAlerts alerts = new SignedAlerts(application);
                LogStorageEngine log = application.bean(LogStorageEngine.class);
                for (int done = 0; done < EVENTS; done += BATCH) {
                    SignedAlerts.Signed[] batch = alerts.sign(BATCH);
                    List<EventMessage<?>> events = new ArrayList<>(BATCH);
                    for (SignedAlerts.Signed signed : batch) {
                        events.add(GenericEventMessage.asEventMessage(payload(signed)));
                        all.add(signed);
                    }
                    log.appendEvents(events);
                }
                Benchmark.progress("audit: exporting");
                exportSeconds = export(application.port(), file);
            }
            // the verifier works offline, as an auditor runs it: the application is closed, so its event processors
            // (still busy with the 100k events) take no CPU from the verifier or from the raw checks
            long lines = Files.lines(file).count() - 1;
            Benchmark.progress("audit: verifying");
            long started = System.nanoTime();
            Report report = verify(file);
            double verifySeconds = (System.nanoTime() - started) / 1e9;
            double raw = rawPerSecond(all);
            double verified = report.checked().events() / verifySeconds;
            section.row("export over the audit API (" + String.format("%,d", lines) + " lines)",
                        String.format("%,.0f", lines / exportSeconds), "");
            section.row("events verified by audit verify (chain + signature + membership)",
                        String.format("%,.0f", verified), "");
            section.row("raw Ed25519 verifications, the same signatures", String.format("%,.0f", raw), "");
            double ratio = verified / raw;
            section.row("verified / raw", String.format("%.2f×", ratio),
                        String.format("≥ %.2f×: %.2f× %s", TARGET, ratio, ResultTable.met(ratio >= TARGET)));
            section.note(String.format("%d failures reported; %,d signatures checked; verified from the export file "
                                       + "after the application was closed", report.failures().size(),
                                       report.checked().signatures()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What an event born of a submission carries: the submission with its exact envelope. */
    private static Map<String, Object> payload(SignedAlerts.Signed signed) {
        SignedEnvelope envelope = SignedEnvelope.parse(signed.compact());
        Map<String, Object> submission = new LinkedHashMap<>();
        String payload = envelope.payloadText();
        submission.put("submissionId", signed.submissionId().toString());
        submission.put("agency", field(payload, "agency"));
        submission.put("keyId", envelope.keyId().orElseThrow());
        submission.put("signedAt", field(payload, "issuedAt"));
        submission.put("receivedAt", Instant.now().toString());
        submission.put("contentHash", Digests.sha256Hex(envelope.payload()));
        submission.put("envelope", signed.compact());
        return Map.of("submission", submission);
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
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

    private static Report verify(Path file) throws IOException {
        LogVerifier verifier = new LogVerifier(null);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                verifier.line(line);
            }
        }
        return verifier.finish();
    }

    private static double rawPerSecond(List<SignedAlerts.Signed> all) {
        long started = System.nanoTime();
        int verified = 0;
        for (SignedAlerts.Signed signed : all) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, signed.publicKey());
            signer.update(signed.signingInput(), 0, signed.signingInput().length);
            if (signer.verifySignature(signed.signature())) {
                verified++;
            }
        }
        if (verified != all.size()) {
            throw new IllegalStateException("only " + verified + " of " + all.size() + " signatures verify");
        }
        return all.size() / ((System.nanoTime() - started) / 1e9);
    }
}
