package org.ewn.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.store.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.verify.LogLines.JSON;

class EventLineTest {

    private final List<LogEntry> entries = LogLines.entries(6);

    @Test
    void readsALineIntoTheEntryTheTreeGives() throws Exception {
        for (LogEntry entry : entries) {
            String line = LogLines.text(LogLines.line(entry));

            assertThat(EventLine.read(line)).usingRecursiveComparison()
                                           .isEqualTo(LogVerifier.entry(JSON.readTree(line)))
                                           .isEqualTo(entry);
        }
    }

    @Test
    void readsTheFieldsInAnyOrder() {
        Random random = new Random(7);
        for (LogEntry entry : entries) {
            ObjectNode hubOrder = LogLines.line(entry);
            List<String> names = new ArrayList<>();
            hubOrder.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode shuffled = JSON.createObjectNode();
            names.forEach(name -> shuffled.set(name, hubOrder.get(name)));

            assertThat(EventLine.read(LogLines.text(shuffled))).usingRecursiveComparison().isEqualTo(entry);
        }
    }

    @Test
    void skipsFieldsItDoesNotKnowHoweverNested() throws Exception {
        LogEntry entry = entries.get(1);
        ObjectNode line = LogLines.line(entry);
        line.put("envelope", "eyJhbGciOiJFZERTQSJ9.e30.AA");
        line.set("extra", JSON.readTree("{\"globalIndex\":99,\"hash\":[\"zz\",{\"payload\":null}],\"n\":1.5e300}"));
        line.put("flag", true);
        line.putNull("nothing");
        ObjectNode first = JSON.createObjectNode().put("comment", "before the known fields");
        first.setAll(line);

        assertThat(EventLine.read(LogLines.text(first))).usingRecursiveComparison().isEqualTo(entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "aggregateType", "aggregateId", "sequence", "type", "revision"})
    void readsAnOptionalFieldMissingOrNullAsTheTreeDoes(String field) throws Exception {
        ObjectNode missing = LogLines.line(entries.get(0));
        missing.remove(field);
        ObjectNode asNull = LogLines.line(entries.get(0));
        asNull.putNull(field);

        for (ObjectNode node : List.of(missing, asNull)) {
            String line = LogLines.text(node);
            if (field.equals("sequence") && node == asNull) {
                assertThat(EventLine.read(line)).as("a null number is left to the tree").isNull();
            } else {
                assertThat(EventLine.read(line)).usingRecursiveComparison()
                                               .isEqualTo(LogVerifier.entry(JSON.readTree(line)));
            }
        }
    }

    /** Each of these the tree path reads or refuses in its own way; the streaming path leaves them all to it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no globalIndex      | globalIndex  |",
            "no timestamp        | timestamp    |",
            "no payload          | payload      |",
            "no metadata         | metadata     |",
            "no previousHash     | previousHash |",
            "no hash             | hash         |",
            "null payload        | payload      | null",
            "payload not base64  | payload      | \"eyJ@\"",
            "payload a number    | payload      | 12",
            "hash not hex        | hash         | \"zz\"",
            "hash odd length     | hash         | \"abc\"",
            "timestamp not time  | timestamp    | \"yesterday\"",
            "timestamp a number  | timestamp    | 1795749744",
            "index as text       | globalIndex  | \"1\"",
            "index fractional    | globalIndex  | 1.0",
            "index past 64 bits  | globalIndex  | 123456789012345678901234567890",
            "eventId a number    | eventId      | 7",
            "type an object      | type         | {\"name\":\"x\"}",
    })
    void leavesEveryOtherShapeToTheTree(String what, String field, String value) throws Exception {
        ObjectNode line = LogLines.line(entries.get(1));
        if (value == null) {
            line.remove(field);
        } else {
            line.set(field, JSON.readTree(value));
        }

        assertThat(EventLine.read(LogLines.text(line))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "not json", "[1,2]", "\"text\"", "{\"next\":3,\"events\":3}", "{\"globalIndex\":1,",
            "{\"globalIndex\":1,\"globalIndex\":2}"})
    void readsNoEntryFromALineThatIsNoEventOfTheUsualShape(String line) {
        assertThat(EventLine.read(line)).isNull();
    }

    @Test
    void leavesARepeatedFieldToTheTreeWhichKeepsTheLast() {
        String line = LogLines.text(LogLines.line(entries.get(1)));
        String repeated = line.replace("{\"globalIndex\":1,", "{\"globalIndex\":1,\"hash\":\"00\",");

        assertThat(EventLine.read(repeated)).isNull();
    }
}
