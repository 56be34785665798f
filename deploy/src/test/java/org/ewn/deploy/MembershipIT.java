package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SubmissionSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network administrator admits a new member over the API, the member's own administrator registers its agencies
 * and enrols their keys, and the membership directory shows it all. Shares its application with {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class MembershipIT {

    @LocalServerPort
    int port;

    private NetworkClient api;
    private SubmissionSigner administrator;
    private IssuedKey root;
    private final Instant from = Instant.now().minus(Duration.ofDays(1));
    private final Instant to = Instant.now().plus(Duration.ofDays(30));

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
        root = api.root();
        administrator = api.administrator();
    }

    @Test
    void aNewMemberJoinsRegistersItsAgenciesAndRaisesAlerts() {
        String member = newMemberCode();
        IssuedKey ca = NetworkPki.memberCa(root, member, "Regional centre", from, to);
        String admission = administrator.sign("member.admit", Map.of("member", member, "name", "Regional centre",
                "kind", "PARTNER_ORGANISATION", "caCertificate", der(ca)));
        NetworkClient.Reply admitted = api.submit("/api/v1/members", admission);
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        NetworkClient.Reply again = api.submit("/api/v1/members", admission);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).as("the same answer and receipt").isEqualTo(admitted.json());

        SubmissionSigner memberAdmin = agency(ca, member + "-HQ", true, administrator);
        SubmissionSigner operations = agency(ca, member + "-OPS", false, memberAdmin);

        NetworkClient.Reply alert = api.submit("/api/v1/alerts", operations.sign("alert.raise",
                NetworkClient.alert(List.of("KZ"), "From the new member")));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);

        JsonNode view = await("/api/v1/members/" + member, json -> json.get("agencies").size() == 2);
        assertThat(view.get("kind").asText()).isEqualTo("PARTNER_ORGANISATION");
        assertThat(view.get("ca").get("subject").asText()).contains("OU=" + member);
        JsonNode ops = await("/api/v1/agencies/" + member + "-OPS", json -> json.get("keys").size() == 1);
        assertThat(ops.get("keys").get(0).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ops.get("keys").get(0).get("purpose").asText()).isEqualTo("SIGNING");
    }

    @Test
    void aSuspendedMembersAgenciesCannotSubmitUntilReinstated() {
        String member = newMemberCode();
        IssuedKey ca = NetworkPki.memberCa(root, member, "Suspended state", from, to);
        accepted(api.submit("/api/v1/members", administrator.sign("member.admit", Map.of("member", member,
                "name", "Suspended state", "kind", "STATE", "caCertificate", der(ca)))));
        SubmissionSigner agency = agency(ca, member + "-MVD", false, administrator);

        accepted(api.submit("/api/v1/members/" + member + "/suspension", administrator.sign("member.suspend",
                Map.of("member", member, "reason", "membership dues"))));
        assertProblem(api.submit("/api/v1/alerts", agency.sign("alert.raise",
                NetworkClient.alert(List.of("KZ"), "While suspended"))), 403, "not-entitled");
        assertThat(await("/api/v1/members/" + member, json -> json.get("suspended").asBoolean())
                .get("suspensionReason").asText()).isEqualTo("membership dues");

        accepted(api.submit("/api/v1/members/" + member + "/reinstatement", administrator.sign("member.reinstate",
                Map.of("member", member))));
        accepted(api.submit("/api/v1/alerts", agency.sign("alert.raise",
                NetworkClient.alert(List.of("KZ"), "Reinstated"))));
    }

    @Test
    void aMembersAdministratorActsForItsOwnMemberOnly() {
        String member = newMemberCode();
        IssuedKey ca = NetworkPki.memberCa(root, member, "Careful state", from, to);
        accepted(api.submit("/api/v1/members", administrator.sign("member.admit", Map.of("member", member,
                "name", "Careful state", "kind", "STATE", "caCertificate", der(ca)))));
        SubmissionSigner memberAdmin = agency(ca, member + "-ADM", true, administrator);

        assertProblem(api.submit("/api/v1/agencies", memberAdmin.sign("agency.register", Map.of(
                "agency", "KZ-OTHER", "name", "Not theirs", "administrator", false))), 403, "not-entitled");
        assertProblem(api.submit("/api/v1/members/KZ/suspension", memberAdmin.sign("member.suspend", Map.of(
                "member", "KZ", "reason", "hostile"))), 403, "not-entitled");

        IssuedKey second = NetworkPki.signingKey(ca, member + "-ADM", KeyKind.P256, from, to);
        accepted(api.submit("/api/v1/agencies/" + member + "-ADM/keys", memberAdmin.sign("key.enrol", Map.of(
                "agency", member + "-ADM", "certificate", der(second)))));
        String keyId = KeyIds.of(second.certificate().getPublicKey());
        accepted(api.submit("/api/v1/agencies/" + member + "-ADM/keys/" + keyId + "/revocation", memberAdmin.sign(
                "key.revoke", Map.of("agency", member + "-ADM", "keyId", keyId, "reason", "test rotation"))));
        JsonNode keys = await("/api/v1/agencies/" + member + "-ADM", json -> json.get("keys").size() == 2
                && json.toString().contains("REVOKED")).get("keys");
        assertThat(keys.findValuesAsText("status")).containsExactlyInAnyOrder("ACTIVE", "REVOKED");
    }

    @Test
    void anAddressGroupReachesItsMembersAsTheyAreWhenTheAlertIsRaised() {
        assertThat(await("/api/v1/groups", json -> json.size() > 0).findValue("members").toString())
                .as("the demo's group of its states").isEqualTo("[\"KG\",\"KZ\",\"TJ\",\"TM\",\"UZ\"]");
        String member = newMemberCode();
        IssuedKey ca = NetworkPki.memberCa(root, member, "Grouped state", from, to);
        accepted(api.submit("/api/v1/members", administrator.sign("member.admit", Map.of("member", member,
                "name", "Grouped state", "kind", "STATE", "caCertificate", der(ca)))));
        String group = "G-" + member;
        accepted(api.submit("/api/v1/groups", administrator.sign("group.define", Map.of("group", group,
                "name", "Test group", "members", List.of(member, "KG")))));
        assertProblem(api.submit("/api/v1/groups", api.signer("KZ-DEMO").sign("group.define", Map.of(
                "group", group, "name", "Taken over", "members", List.of("KZ")))), 403, "not-entitled");
        assertThat(await("/api/v1/groups", json -> json.toString().contains(group)).toString())
                .contains("\"members\":[\"KG\",\"" + member + "\"]").doesNotContain("Taken over");

        NetworkClient.Reply raised = api.raise("KZ-DEMO", UUID.randomUUID(),
                toGroups(List.of(group), List.of("UZ"), "To a group and a member"));
        accepted(raised);
        assertThat(raised.json().get("addressees").toString())
                .isEqualTo(new ObjectMapper().valueToTree(new TreeSet<>(List.of("KG", member, "UZ"))).toString());

        accepted(api.submit("/api/v1/members/" + member + "/suspension", administrator.sign("member.suspend",
                Map.of("member", member, "reason", "test"))));
        NetworkClient.Reply whileSuspended = api.raise("KZ-DEMO", UUID.randomUUID(),
                toGroups(List.of(group), List.of(), "While one member is suspended"));
        accepted(whileSuspended);
        assertThat(whileSuspended.json().get("addressees").toString()).isEqualTo("[\"KG\"]");
        accepted(api.submit("/api/v1/members/" + member + "/reinstatement", administrator.sign("member.reinstate",
                Map.of("member", member))));

        assertProblem(api.raise("KZ-DEMO", UUID.randomUUID(), toGroups(List.of("NO-SUCH-GROUP"), List.of(), "x")),
                422, "unknown-addressee");
        Map<String, Object> both = new LinkedHashMap<>(toGroups(List.of(group), List.of(), "Both"));
        both.put("allMembers", true);
        assertProblem(api.raise("KZ-DEMO", UUID.randomUUID(), both), 400, "invalid-request");

        accepted(api.submit("/api/v1/groups/" + group + "/dissolution", administrator.sign("group.dissolve",
                Map.of("group", group))));
        assertProblem(api.raise("KZ-DEMO", UUID.randomUUID(), toGroups(List.of(group), List.of(), "Dissolved")),
                422, "unknown-addressee");
        assertThat(await("/api/v1/groups", json -> !json.toString().contains(group)).toString())
                .contains("CENTRAL-ASIA");
    }

    private static Map<String, Object> toGroups(List<String> groups, List<String> members, String title) {
        Map<String, Object> body = new LinkedHashMap<>(NetworkClient.alert(List.of("KZ"), title));
        body.remove("addressees");
        body.put("groups", groups);
        if (!members.isEmpty()) {
            body.put("addressees", members);
        }
        return body;
    }

    @Test
    void concurrentMembershipChangesAllGetThrough() throws Exception {
        String member = newMemberCode();
        IssuedKey ca = NetworkPki.memberCa(root, member, "Busy state", from, to);
        accepted(api.submit("/api/v1/members", administrator.sign("member.admit", Map.of("member", member,
                "name", "Busy state", "kind", "STATE", "caCertificate", der(ca)))));
        List<java.util.concurrent.Callable<NetworkClient.Reply>> registrations = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String envelope = administrator.sign("agency.register", Map.of("agency", member + "-A" + i,
                    "name", "Agency " + i, "administrator", false));
            registrations.add(() -> api.submit("/api/v1/agencies", envelope));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (var reply : pool.invokeAll(registrations)) {
                accepted(reply.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(await("/api/v1/agencies?member=" + member, json -> json.size() == 8)).hasSize(8);
    }

    /** Registers an agency, has the enroller enrol a signing key for it, and signs as it. */
    private SubmissionSigner agency(IssuedKey ca, String code, boolean administrator, SubmissionSigner enroller) {
        accepted(api.submit("/api/v1/agencies", enroller.sign("agency.register", Map.of("agency", code,
                "name", code, "administrator", administrator))));
        IssuedKey key = NetworkPki.signingKey(ca, code, KeyKind.ED25519, from, to);
        accepted(api.submit("/api/v1/agencies/" + code + "/keys", enroller.sign("key.enrol", Map.of(
                "agency", code, "certificate", der(key)))));
        return new SubmissionSigner(key, "EWN");
    }

    /** The directory follows the log asynchronously. */
    private JsonNode await(String path, Predicate<JsonNode> ready) {
        for (int attempt = 0; attempt < 200; attempt++) {
            NetworkClient.Reply reply = api.get(path, "kz-officer");
            if (reply.status() == 200 && ready.test(reply.json())) {
                return reply.json();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(path + " never showed what was expected");
    }

    private static String newMemberCode() {
        StringBuilder code = new StringBuilder("X");
        for (int i = 0; i < 6; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    private static void accepted(NetworkClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static void assertProblem(NetworkClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:ewn:problem:" + type);
    }

    private static String der(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }
}
