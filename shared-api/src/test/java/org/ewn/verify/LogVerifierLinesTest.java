package org.ewn.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.store.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ewn.verify.LogLines.JSON;

/** The verifier fed line by line, as {@code ewn audit verify} feeds it an export. */
class LogVerifierLinesTest {

    private final List<LogEntry> entries = LogLines.entries(5);
    private final List<String> lines = LogLines.lines(entries);

    @Test
    void verifiesAnExportAndCountsNoTrailerAsAnEvent() {
        LogVerifier verifier = new LogVerifier(null);

        for (String line : lines) {
            assertThat(verifier.line(line)).isTrue();
        }
        assertThat(verifier.line(LogLines.trailer(5))).as("the trailer is no event").isFalse();
        Report report = verifier.finish();

        assertThat(report.failures()).isEmpty();
        assertThat(report.checked()).isEqualTo(new Checked(5, 5, 0, 5, 0, 0, 4));
        assertThat(verifier.lastIndex()).isEqualTo(4);
    }

    /** The line at index 1 is changed; the report is the one the tree path gives, failure by failure. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no hash               | hash         |                       | malformed-event",
            "no timestamp          | timestamp    |                       | malformed-event",
            "no globalIndex        | globalIndex  |                       | gap",
            "null globalIndex      | globalIndex  | null                  | gap",
            "payload not base64    | payload      | \"eyJ@\"              | malformed-event",
            "metadata not base64   | metadata     | \"e30\"               | ",
            "hash not hex          | hash         | \"zz\"                | malformed-event",
            "previousHash too short| previousHash | \"00\"                | previous-hash-mismatch",
            "timestamp not a time  | timestamp    | \"27 Nov 2026\"       | malformed-event",
            "timestamp another time| timestamp    | \"2026-11-27T04:21:35.233Z\" | hash-mismatch",
            "timestamp with offset | timestamp    | \"2026-11-27T04:21:35.233+01:00\" | ",
            "timestamp in 4 digits | timestamp    | \"2026-11-27T03:21:35.2330Z\" | ",
            "index as text         | globalIndex  | \"1\"                 | ",
            "payload changed       | payload      | \"e30=\"              | hash-mismatch",
            "payload not JSON      | payload      | \"AAAA\"              | hash-mismatch",
            "sequence as text      | sequence     | \"1\"                 | ",
            "eventId changed       | eventId      | \"another\"           | hash-mismatch",
    })
    void reportsAChangedLineAsTheTreePathDoes(String what, String field, String value, String reason)
            throws Exception {
        List<String> changed = new ArrayList<>(lines);
        ObjectNode line = (ObjectNode) JSON.readTree(changed.get(1));
        if (value == null) {
            line.remove(field);
        } else {
            line.set(field, JSON.readTree(value));
        }
        changed.set(1, LogLines.text(line));

        Report streamed = byLines(changed);

        assertThat(streamed).isEqualTo(byTrees(changed));
        if (reason != null) {
            assertThat(streamed.failures()).extracting(Failure::globalIndex, Failure::reason)
                                           .contains(tuple(1L, reason));
        }
    }

    @Test
    void reportsALineThatIsNotJsonWhereTheNextEventWasDue() {
        LogVerifier verifier = new LogVerifier(null);
        verifier.line(lines.get(0));
        verifier.line(lines.get(1));

        assertThat(verifier.line(lines.get(2).substring(0, 100))).isFalse();
        lines.subList(2, lines.size()).forEach(verifier::line);
        Report report = verifier.finish();

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.globalIndex()).isEqualTo(2);
            assertThat(failure.reason()).isEqualTo("malformed-event");
            assertThat(failure.detail()).startsWith("a line is not JSON");
        });
        assertThat(report.checked().events()).isEqualTo(5);
    }

    @Test
    void findsAPayloadChangedUnderItsOldHash() {
        List<String> changed = new ArrayList<>(lines);
        String forged = Base64.getEncoder().encodeToString("{\"note\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        changed.set(3, changed.get(3).replaceFirst("\"payload\":\"[^\"]*\"", "\"payload\":\"" + forged + "\""));

        Report report = byLines(changed);

        assertThat(report.failures()).extracting(Failure::globalIndex, Failure::reason)
                                     .containsExactly(tuple(3L, "hash-mismatch"));
    }

    @Test
    void findsAMissingAndAMisplacedEvent() throws Exception {
        List<String> changed = List.of(lines.get(0), lines.get(2), lines.get(1), lines.get(4));

        Report report = byLines(changed);

        assertThat(report).isEqualTo(byTrees(changed));
        assertThat(report.failures()).extracting(Failure::globalIndex, Failure::reason)
                                     .containsExactly(tuple(1L, "out-of-order"),
                                                      tuple(3L, "gap"));
    }

    @Test
    void checksTheEnvelopeOfAnEventBornOfASubmission() {
        String payload = "{\"note\":\"signed\",\"submission\":{\"keyId\":\"k\",\"envelope\":\"not-a-jws\"}}";
        LogEntry unsigned = entries.get(0);
        LogEntry draft = new LogEntry(0, unsigned.eventId(), unsigned.aggregateType(), unsigned.aggregateId(),
                unsigned.sequence(), unsigned.timestamp(), unsigned.payloadType(), unsigned.payloadRevision(),
                payload.getBytes(StandardCharsets.UTF_8), unsigned.metadata(), LogEntry.genesis(), new byte[32]);
        LogEntry signed = new LogEntry(0, draft.eventId(), draft.aggregateType(), draft.aggregateId(),
                draft.sequence(), draft.timestamp(), draft.payloadType(), draft.payloadRevision(), draft.payload(),
                draft.metadata(), draft.previousHash(), draft.computeHash(draft.previousHash()));

        Report report = byLines(List.of(LogLines.text(LogLines.line(signed))));

        assertThat(report.checked().signatures()).isEqualTo(1);
        assertThat(report.failures()).extracting(Failure::globalIndex, Failure::reason)
                                     .containsExactly(tuple(0L, "malformed-envelope"));
    }

    private static Report byLines(List<String> lines) {
        LogVerifier verifier = new LogVerifier(null);
        lines.forEach(verifier::line);
        return verifier.finish();
    }

    /** As the verifier read every line before it streamed them: a tree each, then the event. */
    private static Report byTrees(List<String> lines) throws Exception {
        LogVerifier verifier = new LogVerifier(null);
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (node.has("globalIndex")) {
                verifier.event(node);
            }
        }
        return verifier.finish();
    }
}
