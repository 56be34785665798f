package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code submit} posts a signed envelope where its type belongs and trusts the answer only with a valid receipt. */
class CliSubmitTest {

    private static final String ALERT = "{\"allMembers\":true,\"precedence\":\"IMMEDIATE\",\"category\":\"OTHER\","
            + "\"title\":\"Exercise\"}";

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static Path alert;
    private FakeHub hub;

    @BeforeAll
    static void keys() throws IOException {
        pki = new TestPki(directory);
        alert = Files.writeString(directory.resolve("alert.json"), ALERT);
    }

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub(pki.hub);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void postsTheEnvelopeAsJoseAndVerifiesTheHubsReceipt() throws IOException {
        Path kept = directory.resolve("kept.jws");

        Terminal.Result submitted = submit("--type", "alert.raise", "--out-envelope", kept.toString(), alert.toString());

        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(submitted.out()).contains("\"receipt\":\"ey").contains("receipt verified: global index 42");
        FakeHub.Request posted = hub.submissions().get(0);
        assertThat(posted.path()).isEqualTo("/api/v1/alerts");
        assertThat(posted.contentType()).isEqualTo("application/jose");
        SignedEnvelope envelope = SignedEnvelope.parse(posted.body());
        assertThat(envelope.verify(pki.agency.certificate().getPublicKey())).isTrue();
        JsonNode payload = Json.MAPPER.readTree(envelope.payload());
        assertThat(payload.get("type").textValue()).isEqualTo("alert.raise");
        assertThat(payload.get("agency").textValue()).isEqualTo("KZ-MVD");
        assertThat(payload.get("body")).isEqualTo(Json.MAPPER.readTree(ALERT));
        assertThat(Files.readString(kept).strip()).isEqualTo(posted.body());
        // the hub's certificate was fetched from the hub, as no file was given
        assertThat(hub.requests).anyMatch(r -> r.path().equals("/api/v1/trust/hub-certificate"));
    }

    @ParameterizedTest(name = "{0} goes to {2}")
    @CsvSource(delimiter = '|', value = {
            "network.found    | {\"name\":\"EWN\",\"rootCertificate\":\"AA==\",\"administratorCertificate\":\"AA==\"} | /api/v1/network",
            "member.admit     | {\"member\":\"KZ\",\"name\":\"Kazakhstan\",\"kind\":\"STATE\",\"caCertificate\":\"AA==\"} | /api/v1/members",
            "member.suspend   | {\"member\":\"KZ\",\"reason\":\"audit\"}                                          | /api/v1/members/KZ/suspension",
            "member.reinstate | {\"member\":\"TJ\"}                                                              | /api/v1/members/TJ/reinstatement",
            "agency.register  | {\"agency\":\"KZ-MVD\",\"name\":\"Interior\",\"administrator\":false}             | /api/v1/agencies",
            "key.enrol        | {\"agency\":\"KZ-KNB\",\"certificate\":\"AA==\"}                                 | /api/v1/agencies/KZ-KNB/keys",
            "key.revoke       | {\"agency\":\"KZ-MVD\",\"keyId\":\"a/b c\",\"reason\":\"lost\"}                  | /api/v1/agencies/KZ-MVD/keys/a%2Fb%20c/revocation",
            "alert.raise      | " + ALERT + " | /api/v1/alerts",
            "alert.acknowledge | {\"alertId\":\"3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11\"} | /api/v1/alerts/3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11/acknowledgements",
            "alert.withdraw   | {\"alertId\":\"3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11\",\"reason\":\"found\"} | /api/v1/alerts/3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11/withdrawal",
            "alert.follow-up  | {\"alertId\":\"3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11\",\"text\":\"more\"} | /api/v1/alerts/3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11/follow-ups",
            "alert.sharing-request | {\"alertId\":\"3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11\",\"recipients\":\"police\",\"purpose\":\"search\"} | /api/v1/alerts/3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11/sharing-requests",
            "alert.sharing-decision | {\"alertId\":\"3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11\",\"requestId\":\"5e0b7a4c-1d2e-4f30-8a9b-0c1d2e3f4a5b\",\"granted\":true} | /api/v1/alerts/3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11/sharing-requests/5e0b7a4c-1d2e-4f30-8a9b-0c1d2e3f4a5b/decision"})
    void postsEachTypeToItsEndpointWithPathVariablesFromTheBody(String type, String body, String path)
            throws IOException {
        Path file = Files.writeString(Files.createTempFile(directory, type, ".json"), body);

        Terminal.Result submitted = submit("--type", type, "--hub-certificate", pki.hubPem.toString(), file.toString());

        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(hub.submissions()).singleElement().extracting(FakeHub.Request::path).isEqualTo(path);
        assertThat(hub.requests).noneMatch(r -> r.method().equals("GET"));
    }

    @Test
    void refusesAReceiptSignedByAnotherKey() {
        Instant now = Instant.now();
        IssuedKey impostor = NetworkPki.signingKey(pki.root, "hub", KeyKind.ED25519, now, now.plus(Duration.ofDays(1)));
        hub.answerWith(request -> FakeHub.accepted(request, impostor, 201, null));

        Terminal.Result submitted = submit("--type", "alert.raise", alert.toString());

        assertThat(submitted.exitCode()).isEqualTo(1);
        assertThat(submitted.err()).contains("error: the receipt does not verify: it was signed by key");
        assertThat(submitted.out()).doesNotContain("receipt verified");
    }

    @Test
    void refusesAReceiptForOtherContent() {
        hub.answerWith(request -> FakeHub.accepted(request, pki.hub, 201, "ab".repeat(32)));

        Terminal.Result submitted = submit("--type", "alert.raise", alert.toString());

        assertThat(submitted.exitCode()).isEqualTo(1);
        assertThat(submitted.err()).contains("its contentHash abab").contains("is not the SHA-256 of what was signed");
        assertThat(submitted.out()).doesNotContain("receipt verified");
    }

    @Test
    void printsAProblemAsRefused() {
        hub.answerWith(request -> new FakeHub.Response(422, "application/problem+json",
                "{\"type\":\"urn:ewn:problem:unknown-key\",\"title\":\"Unknown key\",\"status\":422,"
                        + "\"detail\":\"No key with this kid is enrolled\"}"));

        Terminal.Result submitted = submit("--type", "alert.raise", alert.toString());

        assertThat(submitted.exitCode()).isEqualTo(1);
        assertThat(submitted.err().strip())
                .isEqualTo("refused: urn:ewn:problem:unknown-key: No key with this kid is enrolled");
        assertThat(submitted.out()).isEmpty();
    }

    @Test
    void saysSoWhenTheHubHadAcceptedTheSubmissionBefore() throws IOException {
        Path kept = directory.resolve("first.jws");
        Terminal.Result first = submit("--type", "alert.raise", "--out-envelope", kept.toString(), alert.toString());
        hub.answerWith(request -> FakeHub.accepted(request, pki.hub, 200, null));

        Terminal.Result again = new Terminal().run("resubmit", "--hub", hub.url(), "--hub-certificate",
                pki.hubPem.toString(), kept.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("receipt verified: global index 42 (the hub had accepted this submission before)");
        assertThat(hub.submissions()).hasSize(2);
        assertThat(hub.submissions().get(1).body()).isEqualTo(hub.submissions().get(0).body());
    }

    @Test
    void checksTheHubCertificateAgainstTheNetworkRootWhenGivenOne() throws IOException {
        Instant now = Instant.now();
        IssuedKey otherRoot = NetworkPki.root("EWN", now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Path otherRootPem = TestPki.pem(directory.resolve("other-root.crt"), otherRoot.certificate());

        Terminal.Result trusted = submit("--type", "alert.raise", "--root-certificate", pki.rootPem.toString(),
                alert.toString());
        Terminal.Result untrusted = submit("--type", "alert.raise", "--root-certificate", otherRootPem.toString(),
                alert.toString());

        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(untrusted.exitCode()).isEqualTo(1);
        assertThat(untrusted.err()).contains("the hub certificate is not certified by the network root");
    }

    @Test
    void keepsTheReceiptAndVerifiesItAgainLater() throws IOException {
        Path envelope = directory.resolve("kept-for-later.jws");
        Path receipt = directory.resolve("receipt.jws");
        submit("--type", "alert.raise", "--out-envelope", envelope.toString(), "--out-receipt", receipt.toString(),
                alert.toString());
        Path otherEnvelope = directory.resolve("other.jws");
        submit("--type", "alert.raise", "--out-envelope", otherEnvelope.toString(), alert.toString());

        Terminal.Result matching = new Terminal().run("verify-receipt", "--hub-certificate", pki.hubPem.toString(),
                "--root-certificate", pki.rootPem.toString(), "--envelope", envelope.toString(), receipt.toString());
        Terminal.Result otherSubmission = new Terminal().run("verify-receipt", "--hub-certificate",
                pki.hubPem.toString(), "--envelope", otherEnvelope.toString(), receipt.toString());

        assertThat(matching.exitCode()).as(matching.toString()).isZero();
        assertThat(matching.out()).contains("receipt verified: global index 42, for submission");
        assertThat(otherSubmission.exitCode()).isEqualTo(1);
        assertThat(otherSubmission.err()).contains("the receipt does not verify: it is for submission");
    }

    @Test
    void saysWhenTheHubCannotBeReached() {
        String unreachable = hub.url();
        hub.close();

        Terminal.Result submitted = Terminal.withPassword(TestPki.PASSWORD).run("submit", "--hub", unreachable,
                "--key", pki.agencyStore.toString(), "--type", "alert.raise", alert.toString());

        assertThat(submitted.exitCode()).isEqualTo(1);
        assertThat(submitted.err()).startsWith("error: cannot reach the hub at " + unreachable);
    }

    private Terminal.Result submit(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "submit";
        all[1] = "--hub";
        all[2] = hub.url();
        all[3] = "--key";
        all[4] = pki.agencyStore.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return Terminal.withPassword(TestPki.PASSWORD).run(all);
    }
}
