package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.transparency.MerkleHashes;
import org.ewn.transparency.ProofVerifier;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.Pem;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transparency log as an auditor or a member checks it, trusting only the network root: tree heads signed by the
 * hub's certified key, the inclusion of an alert's event (placed by its receipt), and the log's growth between
 * heads, all verified here with the client-side code, and none surviving a changed byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class TransparencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READER = "uz-officer";

    @LocalServerPort
    int port;

    private NetworkClient api;
    private X509Certificate hub;

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
        List<X509Certificate> hubChain = Pem.readCertificates(api.get("/api/v1/trust/hub-certificate", null).body());
        X509Certificate root = Pem.readCertificates(api.get("/api/v1/trust/root-certificate", null).body()).get(0);
        hub = hubChain.get(0);
        List<X509Certificate> issuers = hubChain.subList(1, hubChain.size()).stream()
                                                .filter(c -> !c.equals(root)).toList();
        CertificatePath.check(hub, issuers, root, Instant.now(), CertificatePath.Purpose.SIGNING);
    }

    @Test
    void provesAnAlertsEventInTheLogAndThatTheLogOnlyGrew() {
        Head before = head(api.get("/api/v1/audit/tree-head", READER).json());

        JsonNode receipt = receipt(api.raise("KZ-DEMO", List.of("UZ", "TJ"), "Transparency: proven alert"));
        api.raise("TJ-DEMO", List.of("KZ"), "Transparency: a later alert");
        Head after = head(api.get("/api/v1/audit/tree-head", READER).json());

        long index = receipt.get("globalIndex").asLong();
        assertThat(before.size()).isLessThanOrEqualTo(index);
        assertThat(after.size()).as("the head signed on demand covers what was logged").isGreaterThan(index + 1);

        JsonNode inclusion = api.get("/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + after.size(),
                                     READER).json();
        byte[] eventHash = hex(receipt.get("eventHash").asText());
        assertThat(inclusion.get("eventHash").asText()).isEqualTo(receipt.get("eventHash").asText());
        assertThat(ProofVerifier.verifyInclusion(index, after.size(), MerkleHashes.leaf(eventHash),
                                                 hexes(inclusion.get("path")), after.root())).isTrue();

        JsonNode consistency = api.get("/api/v1/audit/proofs/consistency?from=" + before.size() + "&to=" + after.size(),
                                       READER).json();
        assertThat(ProofVerifier.verifyConsistency(before.size(), after.size(), before.root(), after.root(),
                                                   hexes(consistency.get("proof")))).isTrue();

        JsonNode again = api.get("/api/v1/audit/tree-head?size=" + before.size(), READER).json();
        assertThat(again.get("treeHead").asText()).as("the head kept for that size").isEqualTo(before.jws());
    }

    @Test
    void noProofOrHeadChangedInOneByteVerifies() {
        Head before = head(api.get("/api/v1/audit/tree-head", READER).json());
        JsonNode receipt = receipt(api.raise("UZ-DEMO", List.of("KG"), "Transparency: tampered proofs"));
        Head after = head(api.get("/api/v1/audit/tree-head", READER).json());
        long index = receipt.get("globalIndex").asLong();
        byte[] leaf = MerkleHashes.leaf(hex(receipt.get("eventHash").asText()));
        List<byte[]> path = hexes(api.get("/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + after.size(),
                                          READER).json().get("path"));
        List<byte[]> proof = hexes(api.get("/api/v1/audit/proofs/consistency?from=" + before.size() + "&to="
                                           + after.size(), READER).json().get("proof"));
        assertThat(path).isNotEmpty();
        assertThat(proof).isNotEmpty();

        for (int element = 0; element < path.size(); element++) {
            assertThat(ProofVerifier.verifyInclusion(index, after.size(), leaf, flipped(path, element), after.root()))
                    .as("inclusion path element %d changed", element).isFalse();
        }
        for (int element = 0; element < proof.size(); element++) {
            assertThat(ProofVerifier.verifyConsistency(before.size(), after.size(), before.root(), after.root(),
                                                       flipped(proof, element)))
                    .as("consistency proof element %d changed", element).isFalse();
        }
        assertThat(ProofVerifier.verifyInclusion(index, after.size(), leaf, path, flip(after.root()))).isFalse();

        String[] parts = after.jws().split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 1;
        String changedPayload = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
                                + "." + parts[2];
        assertThat(SignedEnvelope.parse(changedPayload).verify(hub.getPublicKey())).isFalse();
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        String changedSignature = parts[0] + "." + parts[1] + "."
                                  + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertThat(SignedEnvelope.parse(changedSignature).verify(hub.getPublicKey())).isFalse();
    }

    @Test
    void answersRangesBeyondTheTreeWithProblems() {
        long size = head(api.get("/api/v1/audit/tree-head", READER).json()).size();
        assertProblem(api.get("/api/v1/audit/proofs/inclusion?index=" + size + "&treeSize=" + size, READER), 400,
                      "urn:ewn:problem:invalid-request");
        assertProblem(api.get("/api/v1/audit/proofs/inclusion?index=0&treeSize=" + (size + 1_000_000), READER), 400,
                      "urn:ewn:problem:invalid-request");
        assertProblem(api.get("/api/v1/audit/proofs/consistency?from=" + size + "&to=1", READER), 400,
                      "urn:ewn:problem:invalid-request");
        assertProblem(api.get("/api/v1/audit/proofs/consistency?from=-1&to=1", READER), 400,
                      "urn:ewn:problem:invalid-request");
        assertProblem(api.get("/api/v1/audit/tree-head?size=" + (size + 1_000_000), READER), 404,
                      "urn:ewn:problem:not-found");
        assertThat(api.get("/api/v1/audit/tree-head", null).status()).isEqualTo(401);
    }

    /** A head whose JWS verifies with the hub's key and whose signed content is what the answer says. */
    private Head head(JsonNode answer) {
        String jws = answer.get("treeHead").asText();
        SignedEnvelope envelope = SignedEnvelope.parse(jws);
        assertThat(envelope.type()).contains("ewn-tree-head+jws");
        assertThat(envelope.verify(hub.getPublicKey())).as("signed by the hub").isTrue();
        JsonNode signed = json(envelope.payloadText());
        assertThat(signed.get("type").asText()).isEqualTo("tree-head");
        assertThat(signed.get("network").asText()).isEqualTo(NetworkClient.NETWORK);
        assertThat(signed.get("treeSize").asLong()).isEqualTo(answer.get("treeSize").asLong());
        assertThat(signed.get("rootHash").asText()).isEqualTo(answer.get("rootHash").asText());
        return new Head(signed.get("treeSize").asLong(), hex(signed.get("rootHash").asText()), jws);
    }

    private record Head(long size, byte[] root, String jws) {
    }

    private static JsonNode receipt(NetworkClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(201);
        return json(SignedEnvelope.parse(reply.json().get("receipt").asText()).payloadText());
    }

    private static void assertProblem(NetworkClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("type").asText()).isEqualTo(type);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static List<byte[]> hexes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(element -> hashes.add(hex(element.asText())));
        return hashes;
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int element) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flip(proof.get(element)));
        return copy;
    }
}
