package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.KeyIds;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sign} makes the envelope the hub expects; {@code verify} accepts it and nothing else. */
class CliSignAndVerifyTest {

    private static final String BODY = "{\"addressees\":[\"KG\",\"TJ\"],\"precedence\":\"FLASH\","
            + "\"category\":\"CYBER_INCIDENT\",\"title\":\"Ransomware\",\"text\":\"Seen at 09:30\"}";

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static Path body;
    private static Terminal terminal;

    @BeforeAll
    static void keys() throws IOException {
        pki = new TestPki(directory);
        body = Files.writeString(directory.resolve("alert.json"), BODY);
        terminal = Terminal.withPassword(TestPki.PASSWORD);
    }

    @Test
    void signsTheSixFieldsCanonicallyForTheAgencyOfTheCertificate() throws IOException {
        Terminal.Result signed = terminal.run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise",
                body.toString());

        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        SignedEnvelope envelope = SignedEnvelope.parse(signed.out().strip());
        assertThat(envelope.verify(pki.agency.certificate().getPublicKey())).isTrue();
        assertThat(envelope.keyId()).contains(KeyIds.of(pki.agency.certificate().getPublicKey()));
        assertThat(envelope.type()).contains("ewn-submission+jws");
        assertThat(envelope.algorithm().jwsName()).isEqualTo("EdDSA");
        assertThat(CanonicalJson.isCanonical(envelope.payload())).isTrue();

        JsonNode payload = Json.MAPPER.readTree(envelope.payload());
        assertThat(payload.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("type", "network", "submissionId", "agency", "issuedAt", "body");
        assertThat(payload.get("type").textValue()).isEqualTo("alert.raise");
        assertThat(payload.get("network").textValue()).isEqualTo("EWN");
        assertThat(payload.get("agency").textValue()).isEqualTo("KZ-MVD");
        assertThat(payload.get("submissionId").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(payload.get("issuedAt").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Duration.between(Instant.parse(payload.get("issuedAt").textValue()), Instant.now()))
                .isLessThan(Duration.ofMinutes(1));
        assertThat(payload.get("body")).isEqualTo(Json.MAPPER.readTree(BODY));
        // the protected header is canonical JSON with exactly the three members the hub expects
        assertThat(header(envelope)).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\""
                + KeyIds.of(pki.agency.certificate().getPublicKey()) + "\",\"typ\":\"ewn-submission+jws\"}");
    }

    @Test
    void signsWithTheGivenSubmissionIdInLowerCaseAndReadsTheBodyFromStandardInput() throws IOException {
        Terminal.Result signed = Terminal.withPassword(TestPki.PASSWORD).stdin(BODY)
                .run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise",
                        "--submission-id", "3F2B8C1E-0A4D-4E57-9B1A-6C2F0E8D7A11", "-");

        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        JsonNode payload = Json.MAPPER.readTree(SignedEnvelope.parse(signed.out().strip()).payload());
        assertThat(payload.get("submissionId").textValue()).isEqualTo("3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11");
        assertThat(payload.get("body").get("title").textValue()).isEqualTo("Ransomware");
    }

    @Test
    void refusesABodyThatIsNotOneJsonObject() throws IOException {
        Path array = Files.writeString(directory.resolve("array.json"), "[1, 2]");
        Path duplicate = Files.writeString(directory.resolve("duplicate.json"), "{\"title\":\"a\",\"title\":\"b\"}");

        Terminal.Result notAnObject = terminal.run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise",
                array.toString());
        Terminal.Result twoTitles = terminal.run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise",
                duplicate.toString());

        assertThat(notAnObject.exitCode()).isEqualTo(1);
        assertThat(notAnObject.err()).contains("must be a JSON object");
        assertThat(twoTitles.exitCode()).isEqualTo(1);
        assertThat(twoTitles.err()).contains("Duplicate field 'title'");
        assertThat(notAnObject.out() + twoTitles.out()).isEmpty();
    }

    @Test
    void refusesToSignWithTheEncryptionKey() {
        Terminal.Result refused = terminal.run("sign", "--key", pki.agencyStore.toString(), "--alias", "encryption",
                "--type", "alert.raise", body.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("holds an X25519 key, which does not sign");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void refusesAnUnknownTypeAsAUsageError() {
        Terminal.Result refused = terminal.run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.rise",
                body.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("unknown submission type \"alert.rise\"").contains("alert.raise");
    }

    @Test
    void verifiesAnEnvelopeWithTheSignersCertificateOrKeyStore() throws IOException {
        Path envelope = signedEnvelope();
        Path certificate = TestPki.pem(directory.resolve("KZ-MVD.crt"), pki.agency.certificate(), pki.ca.certificate());

        Terminal.Result byCertificate = new Terminal().run("verify", "--certificate", certificate.toString(),
                envelope.toString());
        Terminal.Result byKeyStore = terminal.run("verify", "--key", pki.agencyStore.toString(), envelope.toString());

        assertThat(byCertificate.exitCode()).as(byCertificate.toString()).isZero();
        assertThat(byCertificate.out())
                .contains("header:  {\"alg\":\"EdDSA\",\"kid\":\"" + KeyIds.of(pki.agency.certificate().getPublicKey()))
                .contains("payload: {\"agency\":\"KZ-MVD\",\"body\":{\"addressees\":[\"KG\",\"TJ\"]")
                .contains("verified: signed by CN=KZ-MVD,OU=KZ,O=EWN");
        assertThat(byKeyStore.exitCode()).as(byKeyStore.toString()).isZero();
    }

    @Test
    void rejectsATamperedEnvelope() throws IOException {
        String original = Files.readString(signedEnvelope()).strip();
        String[] parts = original.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = payload.replace("\"TJ\"", "\"TM\"");
        assertThat(altered).isNotEqualTo(payload);
        Path tampered = Files.writeString(directory.resolve("tampered.jws"), parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);

        Terminal.Result rejected = new Terminal().run("verify", "--certificate",
                TestPki.pem(directory.resolve("agency.crt"), pki.agency.certificate()).toString(), tampered.toString());

        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err()).contains("does not verify: the signature does not verify");
        assertThat(rejected.out()).isEmpty();
    }

    @Test
    void rejectsAnEnvelopeCheckedWithSomeoneElsesCertificate() throws IOException {
        Terminal.Result rejected = new Terminal().run("verify", "--certificate", pki.hubPem.toString(),
                signedEnvelope().toString());

        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err()).contains("was signed by key " + KeyIds.of(pki.agency.certificate().getPublicKey()))
                .contains("CN=hub,O=EWN");
    }

    @Test
    void rejectsAValidSignatureOverJsonThatIsNotCanonical() throws IOException {
        byte[] notCanonical = "{\"type\": \"alert.raise\", \"agency\": \"KZ-MVD\"}".getBytes(StandardCharsets.UTF_8);
        Path envelope = Files.writeString(directory.resolve("not-canonical.jws"), SignedEnvelope.sign(notCanonical,
                KeyIds.of(pki.agency.certificate().getPublicKey()), "ewn-submission+jws", pki.agency.privateKey()));

        Terminal.Result rejected = new Terminal().run("verify", "--certificate",
                TestPki.pem(directory.resolve("agency-only.crt"), pki.agency.certificate()).toString(),
                envelope.toString());

        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err()).contains("not canonical");
    }

    @Test
    void verifiesAReceiptWithTheHubCertificate() throws IOException {
        String receipt = SignedEnvelope.sign(
                "{\"globalIndex\":7,\"submissionId\":\"x\",\"type\":\"receipt\"}".getBytes(StandardCharsets.UTF_8),
                KeyIds.of(pki.hub.certificate().getPublicKey()), "ewn-receipt+jws", pki.hub.privateKey());

        Terminal.Result verified = new Terminal().stdin(receipt).run("verify", "--certificate", pki.hubPem.toString(), "-");

        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("verified: signed by CN=hub,O=EWN");
    }

    private static Path signedEnvelope() throws IOException {
        Terminal.Result signed = terminal.run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise",
                body.toString());
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        return Files.writeString(Files.createTempFile(directory, "alert", ".jws"), signed.out());
    }

    private static String header(SignedEnvelope envelope) {
        return new String(Base64.getUrlDecoder().decode(List.of(envelope.compact().split("\\.")).get(0)),
                StandardCharsets.UTF_8);
    }
}
