package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.subject.PersonalData;
import org.ewn.api.subject.ProtectedData;
import org.ewn.protect.SubjectCipher;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SubmissionSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.crypto.SecretKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data over the real API and client: an agency raises an alert about a child with {@code ewn alert raise
 * --subject}; the addressee reads the child's data, a member not addressed cannot, and the store never holds it in
 * clear. A network administrator erases the child: every key byte leaves the data directory, the alert shows the
 * child as erased, no new data about the child is taken, and the log's chain, signatures and tree heads still verify.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class PersonalDataIT {

    private static final Path DATA = Path.of("target/it-data/network");
    private static final Path PKI = DATA.resolve("demo-pki");
    private static final String NAME = "Zarina Personaldataitova";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private Terminal terminal;
    private String hub;
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoReader reader;

    @BeforeEach
    void setUp() {
        hub = "http://127.0.0.1:" + port;
        reader = new DemoReader(hub);
        terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD)
                           .variable(AuditOptions.DEFAULT_PASSWORD_VARIABLE, AuditCliIT.DEMO_PASSWORD);
    }

    @Test
    void addresseesReadAChildsDataUntilItIsErasedAndNothingOfItRemains() throws Exception {
        Path child = dir.resolve("child.json");
        Files.writeString(child, "{\"name\": \"" + NAME + "\", \"dateOfBirth\": \"2016-04\", \"sex\": \"F\", "
                + "\"nationalities\": [\"KZ\"], \"documents\": [{\"type\": \"birth certificate\", \"number\": "
                + "\"BC-7731-PDIT\", \"issuingState\": \"KZ\"}], \"description\": \"Returned with her mother\"}");
        Terminal.Result raised = terminal.run("alert", "raise", "--hub", hub, "--key", PKI.resolve("KZ-DEMO.p12")
                .toString(), "--to", "UZ", "--precedence", "PRIORITY", "--category", "MISSING_OR_AT_RISK_CHILD",
                "--title", "Child to be met at the border", "--subject", child.toString());
        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        String alertId = Json.MAPPER.readTree(raised.out().lines().findFirst().orElseThrow()).get("alertId").asText();
        UUID subject = UUID.fromString(raised.err().lines().filter(l -> l.startsWith("subject "))
                .findFirst().orElseThrow().substring("subject ".length()));

        JsonNode seen = reader.awaitDetail(alertId, "uz-officer");
        JsonNode person = seen.get("subjects").get(0);
        assertThat(person.get("subject").asText()).isEqualTo(subject.toString());
        assertThat(person.get("personalData").get("name").asText()).isEqualTo(NAME);
        assertThat(person.get("personalData").get("documents").get(0).get("number").asText()).isEqualTo("BC-7731-PDIT");
        assertThat(reader.get("/api/v1/inbox/alerts/" + alertId, "kz-officer").body()).contains(NAME);
        assertThat(reader.get("/api/v1/inbox/alerts/" + alertId, "tj-officer").statusCode()).isEqualTo(404);
        assertThat(reader.get("/api/v1/inbox?box=SENT", "kz-officer").body()).doesNotContain(NAME);
        assertThat(filesContaining(DATA, NAME.getBytes(StandardCharsets.UTF_8))).as("never in clear at rest").isEmpty();

        Path keyFile = keyFile(subject);
        String keyFileBefore = Files.readString(keyFile);
        byte[] wrapped = Base64.getUrlDecoder().decode(keyFileBefore.replaceAll("(?s).*\"wrapped\":\"([^\"]+)\".*", "$1"));

        HttpResponse<String> refused = erase(subject, "KZ-DEMO", PKI.resolve("KZ-DEMO.p12"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(reader.get("/api/v1/inbox/alerts/" + alertId, "uz-officer").body()).contains(NAME);

        HttpResponse<String> erased = erase(subject, "EWN-ADMIN", PKI.resolve("EWN-ADMIN.p12"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        JsonNode erasure = Json.MAPPER.readTree(erased.body());
        assertThat(erasure.get("keysDestroyed").asInt()).isEqualTo(1);
        assertThat(erasure.get("receipt").asText()).contains(".");

        JsonNode after = Json.MAPPER.readTree(reader.get("/api/v1/inbox/alerts/" + alertId, "uz-officer").body());
        assertThat(after.get("subjects").get(0).get("erased").asBoolean()).isTrue();
        assertThat(after.get("subjects").get(0).has("personalData")).isFalse();
        assertThat(after.get("title").asText()).as("the alert itself stays").isEqualTo("Child to be met at the border");
        assertThat(keyFile).doesNotExist();
        assertThat(filesContaining(DATA, wrapped)).as("no wrapped key left").isEmpty();
        assertThat(filesContaining(DATA, Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped)
                .getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(erase(subject, "EWN-ADMIN", PKI.resolve("EWN-ADMIN.p12")).statusCode()).isEqualTo(409);

        // no new data about an erased person
        Terminal.Result again = terminal.run("alert", "raise", "--hub", hub, "--key", PKI.resolve("KZ-DEMO.p12")
                .toString(), "--to", "UZ", "--precedence", "ROUTINE", "--category", "OTHER", "--title", "Again",
                "--subject", withSubject(child, subject).toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("subject-erased");

        // the export holds the erasure and only ciphertext, and everything still verifies
        Path export = dir.resolve("log.ndjson");
        Path root = dir.resolve("root.crt");
        Files.writeString(root, reader.get("/api/v1/trust/root-certificate", null).body());
        Terminal.Result exported = terminal.run("audit", "export", "--hub", hub, "--user", "kz-auditor",
                "--root-certificate", root.toString(), "--out", export.toString());
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        List<JsonNode> erasures = new ArrayList<>();
        for (String line : Files.readAllLines(export)) {
            JsonNode event = Json.MAPPER.readTree(line);
            assertThat(line.contains(NAME)).isFalse();
            if (!event.has("payload")) {
                continue;       // a tree head
            }
            String payload = new String(Base64.getDecoder().decode(event.get("payload").asText()), StandardCharsets.UTF_8);
            assertThat(payload.contains(NAME)).as("personal data in the clear at index " + event.get("globalIndex"))
                    .isFalse();
            if (event.get("type").asText().equals("org.ewn.api.subject.SubjectErased")) {
                erasures.add(Json.MAPPER.readTree(payload));
            }
        }
        assertThat(erasures).singleElement().satisfies(e -> {
            assertThat(e.get("legalBasis").asText()).isEqualTo("GDPR Art. 17(1)(a), request ref. PDIT-1");
            assertThat(e.get("erasedBy").asText()).isEqualTo("EWN-ADMIN");
            assertThat(e.get("complete").asBoolean()).isTrue();
        });
        Path report = dir.resolve("report.json");
        Terminal.Result verified = terminal.run("audit", "verify", "--export", export.toString(),
                "--root-certificate", root.toString(), "--report-json", report.toString());
        JsonNode json = Json.MAPPER.readTree(Files.readString(report));
        assertThat(json.get("failures")).as(json.toString()).isEmpty();
        assertThat(verified.exitCode()).isZero();
        assertThat(json.get("checked").get("signatures").asLong()).isPositive();
    }

    @Test
    void personalDataThatDoesNotOpenOrComesWithoutItsKeyIsRefusedAndNothingIsKept() throws Exception {
        IssuedKey kz = KeyStores.load(PKI.resolve("KZ-DEMO.p12"), AuditCliIT.DEMO_PASSWORD.toCharArray()).get("signing");
        SubmissionSigner signer = new SubmissionSigner(kz, "EWN");
        UUID subject = UUID.randomUUID();
        SecretKey key = SubjectCipher.newKey();
        String keyId = SubjectCipher.newKeyId();
        ProtectedData data = SubjectCipher.encrypt(subject, keyId, key, new PersonalData("Someone Refused", null,
                null, null, null, null, null, null));
        Map<String, Object> body = Map.of("addressees", List.of("UZ"), "precedence", "ROUTINE", "category", "OTHER",
                "title", "Refused", "subjects", List.of(Map.of("subject", subject.toString(), "keyId", keyId,
                        "iv", data.iv(), "ciphertext", data.ciphertext())));

        String withoutKeys = signer.sign("alert.raise", UUID.randomUUID(), now(), body);
        HttpResponse<String> bare = post("/api/v1/alerts", "application/jose", withoutKeys);
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(422);
        assertThat(bare.body()).contains("unreadable-personal-data").contains("was not sent");

        String signed = signer.sign("alert.raise", UUID.randomUUID(), now(), body);
        HttpResponse<String> wrongKey = post("/api/v1/alerts", "application/ewn-submission+json", keyed(signed,
                Map.of(keyId, SubjectCipher.newKey())));
        assertThat(wrongKey.statusCode()).as(wrongKey.body()).isEqualTo(422);
        assertThat(wrongKey.body()).contains("does not open").doesNotContain("Someone");
        HttpResponse<String> extraKey = post("/api/v1/alerts", "application/ewn-submission+json", keyed(signed,
                Map.of(keyId, key, SubjectCipher.newKeyId(), SubjectCipher.newKey())));
        assertThat(extraKey.statusCode()).as(extraKey.body()).isEqualTo(422);
        assertThat(keyFile(subject)).as("nothing kept for a refused submission").doesNotExist();

        HttpResponse<String> accepted = post("/api/v1/alerts", "application/ewn-submission+json",
                keyed(signed, Map.of(keyId, key)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(keyFile(subject)).exists();
        HttpResponse<String> repeated = post("/api/v1/alerts", "application/ewn-submission+json",
                keyed(signed, Map.of(keyId, key)));
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);

        HttpResponse<String> unknown = erase(UUID.randomUUID(), "EWN-ADMIN", PKI.resolve("EWN-ADMIN.p12"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    private HttpResponse<String> erase(UUID subject, String agency, Path keyStore) throws Exception {
        IssuedKey key = KeyStores.load(keyStore, AuditCliIT.DEMO_PASSWORD.toCharArray()).get("signing");
        String signed = new SubmissionSigner(key, "EWN").sign("subject.erase", UUID.randomUUID(), now(),
                Map.of("subject", subject.toString(), "legalBasis", "GDPR Art. 17(1)(a), request ref. PDIT-1"));
        assertThat(key.certificate().getSubjectX500Principal().getName()).contains(agency);
        return post("/api/v1/subjects/" + subject + "/erasure", "application/jose", signed);
    }

    private static String keyed(String submission, Map<String, SecretKey> keys) throws Exception {
        Map<String, String> encoded = new java.util.LinkedHashMap<>();
        keys.forEach((id, key) -> encoded.put(id, Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded())));
        return Json.MAPPER.writeValueAsString(Map.of("submission", submission, "subjectKeys", encoded));
    }

    private Path withSubject(Path file, UUID subject) throws Exception {
        Path copy = dir.resolve("again.json");
        Files.writeString(copy, Files.readString(file).replaceFirst("\\{", "{\"subject\": \"" + subject + "\", "));
        return copy;
    }

    private static Path keyFile(UUID subject) {
        return DATA.resolve("keys/subjects").resolve(subject.toString().substring(0, 2)).resolve(subject + ".keys");
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Every file under the directory whose bytes contain the needle. */
    static List<Path> filesContaining(Path root, byte[] needle) throws Exception {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                if (indexOf(content, needle) >= 0) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
