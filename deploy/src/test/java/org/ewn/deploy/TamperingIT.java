package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.deploy.cli.Terminal;
import org.ewn.deploy.store.DurableH2Backend;
import org.ewn.store.LogStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the stored log itself, as someone with access to the database would: through the MongoDB driver
 * on the embedded store of a running network, one byte of a stored event is changed, one event deleted, or two
 * events swapped. An auditor then exports the log through the hub again and runs {@code ewn audit verify} on it
 * against the tree head signed before; the report names the global index tampered with and why, and nothing else.
 * The hub itself checks nothing it serves; it does notice, at start-up, an event deleted while it was stopped where
 * it looks for the end of the log. Each case runs on a copy of one honest data directory, so none sees another's
 * tampering.
 */
@ExtendWith(OutputCaptureExtension.class)
class TamperingIT {

    private static final Path DATA = Path.of("target/it-data/tampering");
    private static final Path HONEST = DATA.resolve("honest");
    private static final String AUDITOR = "kz-auditor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Terminal terminal = Terminal.withPassword(NetworkClient.DEMO_PASSWORD)
                                                     .variable("EWN_PASSWORD", NetworkClient.DEMO_PASSWORD);
    private static Path root;
    private static Path honestExport;
    /** The last line of the honest export: the tree head the hub signed over the honest log. */
    private static String earlierHead;
    private static long signedSize;

    @BeforeAll
    static void anHonestLogExportedUpToASignedHead() throws Exception {
        deleteRecursively(DATA);
        try (ConfigurableApplicationContext network = start(HONEST)) {
            NetworkClient api = client(network);
            for (String[] alert : new String[][] {{"KZ-DEMO", "UZ-DEMO"}, {"UZ-DEMO", "KG-DEMO"},
                                                   {"KG-DEMO", "TJ-DEMO"}, {"TJ-DEMO", "KZ-DEMO"}}) {
                String alertId = raise(api, alert[0], alert[1].substring(0, 2), "Tamper-evident " + alert[0]);
                acknowledge(api, alert[1], alertId);
            }
            String withdrawn = raise(api, "KZ-DEMO", "KG", "Raised and withdrawn");
            NetworkClient.Reply withdrawal = api.submit("/api/v1/alerts/" + withdrawn + "/withdrawal",
                    api.signer("KZ-DEMO").sign("alert.withdraw", Map.of("alertId", withdrawn, "reason", "Found")));
            assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(201);
            raise(api, "UZ-DEMO", "KZ", "The last alert");

            root = DATA.resolve("root.crt");
            Files.writeString(root, api.get("/api/v1/trust/root-certificate", null).body());
            honestExport = export(network, DATA.resolve("honest.ndjson"));
        }
        List<String> lines = Files.readAllLines(honestExport);
        earlierHead = lines.get(lines.size() - 1);
        assertThat(JSON.readTree(earlierHead).has("treeHead")).as("the export ends with the head signed then").isTrue();
        signedSize = JSON.readTree(earlierHead).get("treeSize").asLong();
    }

    @Test
    void theHonestExportVerifiesClean() throws Exception {
        JsonNode report = verify(honestExport);
        assertThat(report.get("failures")).as(report.toString()).isEmpty();
        assertThat(report.get("checked").get("events").asLong()).isGreaterThan(24);
        assertThat(report.get("checked").get("signatures").asLong()).isGreaterThan(10);
        assertThat(report.get("checked").get("treeHeads").asLong()).isEqualTo(1);
    }

    @Test
    void aByteChangedInAStoredEventBreaksItsHash() throws Exception {
        Tampered tampered = tampered("changed-field", commits -> {
            Slot alert = slotOf(commits, "\"title\":\"Tamper-evident UZ-DEMO\"");
            byte[] payload = alert.payload();
            payload[new String(payload, StandardCharsets.UTF_8).indexOf("Tamper-evident UZ-DEMO")] ^= 0x01;
            alert.replacePayload(commits, payload);
            return alert.index();
        });

        assertThat(tampered.failures()).containsExactly(tampered.index() + " hash-mismatch",
                                                        signedSize + " tree-head-mismatch");
    }

    @Test
    void aByteChangedInAStoredSignatureBreaksItsHashAndSignature() throws Exception {
        Tampered tampered = tampered("changed-signature", commits -> {
            Slot alert = slotOf(commits, "\"title\":\"Tamper-evident KG-DEMO\"");
            byte[] payload = alert.payload();
            String text = new String(payload, StandardCharsets.UTF_8);
            // a character inside the JWS's signature part, the last of the envelope, which ends the payload
            int signature = text.lastIndexOf('.', text.lastIndexOf("\"}}")) + 10;
            payload[signature] = (byte) (payload[signature] == 'A' ? 'B' : 'A');
            alert.replacePayload(commits, payload);
            return alert.index();
        });

        assertThat(tampered.failures()).containsExactly(tampered.index() + " hash-mismatch",
                                                        tampered.index() + " bad-signature",
                                                        signedSize + " tree-head-mismatch");
    }

    @Test
    void aDeletedEventIsAGapAtItsIndex() throws Exception {
        Tampered tampered = tampered("deleted", commits -> {
            Slot alert = slotOf(commits, "\"title\":\"Tamper-evident TJ-DEMO\"");
            assertThat(commits.deleteOne(Filters.eq("_id", alert.commit())).getDeletedCount()).isOne();
            return alert.index();
        });

        assertThat(tampered.failures()).containsExactly(tampered.index() + " gap",
                                                        signedSize + " tree-head-mismatch");
        assertThat(tampered.report().get("checked").get("events").asLong()).isEqualTo(signedSize - 1);
    }

    /** The acknowledgement stored before the alert it acknowledges; every event keeps its index, hash and links. */
    @Test
    void twoSwappedEventsAreOutOfOrderAtTheFirstsIndex() throws Exception {
        Tampered tampered = tampered("swapped", commits -> {
            Slot alert = slotOf(commits, "\"title\":\"Tamper-evident KZ-DEMO\"");
            Document raised = commits.find(Filters.eq("_id", alert.commit())).first();
            Document acknowledged = commits.find(Filters.eq("_id", alert.commit() + 1)).first();
            assertThat(acknowledged.getList("events", Document.class).get(0).getString("payloadType"))
                    .endsWith("AlertAcknowledged");
            commits.updateOne(Filters.eq("_id", alert.commit()), Updates.set("events", acknowledged.get("events")));
            commits.updateOne(Filters.eq("_id", alert.commit() + 1), Updates.set("events", raised.get("events")));
            return alert.index();
        });

        assertThat(tampered.failures()).as("in index order the log is whole, so the signed root holds")
                                       .containsExactly(tampered.index() + " out-of-order");
    }

    /**
     * Tampered with in the store's file while the network is stopped, where the hub's search for the head of the log
     * probes at start-up: the hub says so, appends after the end, leaving the hole for the audit to name, and the
     * alert it accepts next reaches its addressee.
     */
    @Test
    void aHubStartedOnALogWithAnEventDeletedAppendsAfterItsEndAndSaysSo(CapturedOutput output) throws Exception {
        Path data = DATA.resolve("deleted-while-stopped");
        copyRecursively(HONEST, data);
        long index;
        MongoServer stopped = new MongoServer(new DurableH2Backend(data));
        try (MongoClient driver = MongoClients.create("mongodb://127.0.0.1:" + stopped.bind().getPort())) {
            MongoCollection<Document> commits = driver.getDatabase("ewn").getCollection(LogStorageEngine.COMMITS);
            // the search gallops through commits 0, 2, 6, 14, 30, ...: the last of those in the log
            long probed = Long.highestOneBit(commits.countDocuments() + 1) - 2;
            index = commits.find(Filters.eq("_id", probed)).first().getLong("first");
            commits.deleteOne(Filters.eq("_id", probed));
        } finally {
            stopped.shutdown();
        }

        Path export;
        try (ConfigurableApplicationContext network = start(data)) {
            assertThat(output.getOut()).contains("of the event log are missing but commit");
            NetworkClient api = client(network);
            String alertId = raise(api, "KZ-DEMO", "UZ", "Raised after the deletion");
            awaitInInbox(api, "uz-officer", alertId);
            export = export(network, DATA.resolve("deleted-while-stopped.ndjson"));
        }
        List<String> lines = Files.readAllLines(export);
        JsonNode last = JSON.readTree(lines.get(lines.size() - 2));
        assertThat(last.get("globalIndex").asLong()).as("after the end of the log, not in the hole")
                                                    .isEqualTo(signedSize);
        lines.set(lines.size() - 1, earlierHead);
        Files.write(export, lines);
        assertThat(eventFailures(verify(export))).containsExactly(index + " gap");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Copies the honest data directory, starts the network on it, tampers with its log through a driver of one's own
     * on its store, exports the log through the hub and verifies that against the head signed before the tampering;
     * then verifies straight from the hub, which must name the same events.
     */
    private static Tampered tampered(String name, ToLongFunction<MongoCollection<Document>> tampering)
            throws Exception {
        Path data = DATA.resolve(name);
        copyRecursively(HONEST, data);
        long index;
        Path export;
        JsonNode fromHub;
        try (ConfigurableApplicationContext network = start(data)) {
            InetSocketAddress store = network.getBean(MongoServer.class).getLocalAddress();
            try (MongoClient driver = MongoClients.create("mongodb://127.0.0.1:" + store.getPort())) {
                index = tampering.applyAsLong(driver.getDatabase("ewn").getCollection(LogStorageEngine.COMMITS));
            }
            export = export(network, DATA.resolve(name + ".ndjson"));
            fromHub = verify("--hub", "http://127.0.0.1:" + port(network), "--user", AUDITOR);
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(export)) {
            if (JSON.readTree(line).has("globalIndex")) {
                lines.add(line);
            }
        }
        lines.add(earlierHead);
        Path againstEarlierHead = DATA.resolve(name + "-against-earlier-head.ndjson");
        Files.write(againstEarlierHead, lines);
        Tampered tampered = new Tampered(index, verify(againstEarlierHead));
        assertThat(eventFailures(fromHub)).as("verified straight from the hub")
                                          .isEqualTo(eventFailures(tampered.report()));
        return tampered;
    }

    /** @param index the global index of the event tampered with */
    private record Tampered(long index, JsonNode report) {

        /** Each failure as "index reason", in the report's order. */
        List<String> failures() {
            List<String> found = new ArrayList<>();
            for (JsonNode failure : report.get("failures")) {
                found.add(failure.get("globalIndex").asLong() + " " + failure.get("reason").asText());
            }
            return found;
        }
    }

    private static List<String> eventFailures(JsonNode report) {
        return new Tampered(-1, report).failures().stream().filter(failure -> !failure.contains("tree-head")).toList();
    }

    /** Where an event lies in the store: its commit document, its place in that commit's events, its global index. */
    record Slot(long commit, int position, long index, Document event) {

        byte[] payload() {
            return event.get("payload", Binary.class).getData();
        }

        void replacePayload(MongoCollection<Document> commits, byte[] payload) {
            commits.updateOne(Filters.eq("_id", commit), Updates.set("events." + position + ".payload",
                                                                      new Binary(payload)));
        }
    }

    /** The event whose stored payload contains {@code text}. */
    private static Slot slotOf(MongoCollection<Document> commits, String text) {
        for (Document commit : commits.find().sort(Sorts.ascending("_id"))) {
            List<Document> events = commit.getList("events", Document.class);
            for (int position = 0; position < events.size(); position++) {
                Document event = events.get(position);
                if (new String(event.get("payload", Binary.class).getData(), StandardCharsets.UTF_8).contains(text)) {
                    return new Slot(commit.getLong("_id"), position, event.getLong("index"), event);
                }
            }
        }
        throw new AssertionError("no stored event holds " + text);
    }

    private static Path export(ConfigurableApplicationContext network, Path out) {
        Terminal.Result exported = terminal.run("audit", "export", "--hub", "http://127.0.0.1:" + port(network),
                "--user", AUDITOR, "--root-certificate", root.toString(), "--out", out.toString());
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        return out;
    }

    private static JsonNode verify(Path export) throws IOException {
        return verify("--export", export.toString());
    }

    /** {@code ewn audit verify} with these options, as an auditor runs it; its report, as it wrote it in JSON. */
    private static JsonNode verify(String... source) throws IOException {
        Path report = Files.createTempFile(DATA, "report", ".json");
        List<String> args = new ArrayList<>(List.of("audit", "verify", "--root-certificate", root.toString(),
                                                     "--report-json", report.toString()));
        args.addAll(List.of(source));
        Terminal.Result result = terminal.run(args.toArray(String[]::new));
        JsonNode json = JSON.readTree(Files.readString(report));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(json.get("failures").isEmpty() ? 0 : 1);
        return json;
    }

    private static void awaitInInbox(NetworkClient api, String officer, String alertId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (JsonNode alert : api.get("/api/v1/inbox", officer).json().get("alerts")) {
                if (alert.get("alertId").asText().equals(alertId)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("alert " + alertId + " never reached the inbox of " + officer);
    }

    private static String raise(NetworkClient api, String agency, String addressee, String title) {
        NetworkClient.Reply reply = api.raise(agency, List.of(addressee), title);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("alertId").asText();
    }

    private static void acknowledge(NetworkClient api, String agency, String alertId) {
        NetworkClient.Reply reply = api.submit("/api/v1/alerts/" + alertId + "/acknowledgements",
                api.signer(agency).sign("alert.acknowledge", Map.of("alertId", alertId)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(NetworkApplication.class).run("--server.port=0", "--ewn.data.dir=" + data,
                "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD);
    }

    private static NetworkClient client(ConfigurableApplicationContext network) {
        return new NetworkClient(port(network), Path.of(network.getEnvironment().getProperty("ewn.data.dir")));
    }

    private static int port(ConfigurableApplicationContext network) {
        return Integer.parseInt(network.getEnvironment().getProperty("local.server.port"));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        deleteRecursively(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
