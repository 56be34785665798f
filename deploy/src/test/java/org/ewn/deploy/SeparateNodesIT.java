package org.ewn.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.ewn.access.Account;
import org.ewn.access.Accounts;
import org.ewn.access.Role;
import org.ewn.api.member.AgencyCode;
import org.ewn.command.CommandSideApplication;
import org.ewn.query.QuerySideApplication;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SubmissionSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out shape: two command nodes and a query node, each its own application, on one shared
 * store. Any command node takes any submission; the query node projects and pushes what both wrote.
 */
class SeparateNodesIT {

    private static final String HUB_PASSWORD = "hub-keystore-password";
    private static MongoServer store;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static NetworkClient commandNodeA;
    private static NetworkClient commandNodeB;
    private static int queryPort;
    private static NetworkClient queryNode;

    /**
     * Sets the network up from nothing as its administrator would: keys made offline, the hub pinned to the root,
     * then the founding and the membership submitted to one command node; the other learns of them from the store.
     */
    @BeforeAll
    static void startNodes(@TempDir Path keys) throws Exception {
        store = new MongoServer(new MemoryBackend());
        store.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + store.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            seedAccounts(new Accounts(client.getDatabase("ewn")));
        }
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofDays(30));
        IssuedKey root = NetworkPki.root("EWN", from, to);
        IssuedKey administrator = NetworkPki.signingKey(root, "EWN-ADMIN", KeyKind.ED25519, from, to);
        Path hub = keys.resolve("hub.p12");
        KeyStores.save(hub, HUB_PASSWORD.toCharArray(),
                       Map.of("hub", NetworkPki.signingKey(root, "hub", KeyKind.ED25519, from, to)));
        String[] trust = {"--ewn.trust.root-fingerprint=" + fingerprint(root), "--ewn.trust.hub-keystore=" + hub,
                          "--ewn.trust.hub-keystore-password=" + HUB_PASSWORD};
        commandNodeA = new NetworkClient(port(start(CommandSideApplication.class, uri, trust)), keys);
        commandNodeB = new NetworkClient(port(start(CommandSideApplication.class, uri, trust)), keys);
        queryPort = port(start(QuerySideApplication.class, uri));
        queryNode = new NetworkClient(queryPort, keys);

        IssuedKey kzMvd = found(root, administrator, from, to);
        commandNodeA.signingAs("KZ-MVD", kzMvd);
        commandNodeB.signingAs("KZ-MVD", kzMvd);
    }

    private static IssuedKey found(IssuedKey root, IssuedKey administrator, Instant from, Instant to) {
        commandNodeA.signingAs("EWN-ADMIN", administrator);
        SubmissionSigner admin = commandNodeA.signer("EWN-ADMIN");
        accepted(commandNodeA.submit("/api/v1/network", admin.sign("network.found", Map.of("name", "EWN",
                "rootCertificate", der(root), "administratorCertificate", der(administrator)))));
        IssuedKey kzCa = NetworkPki.memberCa(root, "KZ", "Kazakhstan", from, to);
        IssuedKey uzCa = NetworkPki.memberCa(root, "UZ", "Uzbekistan", from, to);
        accepted(commandNodeA.submit("/api/v1/members", admin.sign("member.admit", Map.of("member", "KZ",
                "name", "Kazakhstan", "kind", "STATE", "caCertificate", der(kzCa)))));
        accepted(commandNodeA.submit("/api/v1/members", admin.sign("member.admit", Map.of("member", "UZ",
                "name", "Uzbekistan", "kind", "STATE", "caCertificate", der(uzCa)))));
        accepted(commandNodeA.submit("/api/v1/agencies", admin.sign("agency.register", Map.of("agency", "KZ-MVD",
                "name", "Ministry of Internal Affairs", "administrator", false))));
        IssuedKey kzMvd = NetworkPki.signingKey(kzCa, "KZ-MVD", KeyKind.ED25519, from, to);
        accepted(commandNodeA.submit("/api/v1/agencies/KZ-MVD/keys", admin.sign("key.enrol", Map.of(
                "agency", "KZ-MVD", "certificate", der(kzMvd)))));
        return kzMvd;
    }

    private static void accepted(NetworkClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static String der(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }

    private static String fingerprint(IssuedKey root) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(NetworkPki.der(root.certificate())));
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        store.shutdownNow();
    }

    @Test
    void anyCommandNodeTakesSubmissionsAndTheQueryNodeSeesThemAll() throws Exception {
        try (Officer officer = Officer.connect(queryPort, "uz-officer").subscribe("/user/queue/alerts")) {
            awaitLive(officer);
            List<String> raised = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                NetworkClient node = i % 2 == 0 ? commandNodeA : commandNodeB;
                NetworkClient.Reply reply = node.raise("KZ-MVD", List.of("UZ"), "Alert " + i);
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                raised.add(reply.json().get("alertId").asText());
            }

            List<String> pushed = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            while (pushed.size() < raised.size()) {
                Map<String, Object> alert = officer.next(10);
                assertThat(alert).as("pushed so far: " + pushed).isNotNull();
                if ("probe".equals(alert.get("title"))) {
                    continue;
                }
                pushed.add((String) alert.get("alertId"));
                positions.add(((Number) alert.get("position")).longValue());
            }
            assertThat(pushed).containsExactlyElementsOf(raised);
            assertThat(positions).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aSubmissionRepeatedOnTheOtherCommandNodeGetsTheSameAnswer() {
        String envelope = commandNodeA.signer("KZ-MVD").sign("alert.raise", NetworkClient.alert(List.of("UZ"), "Sent twice"));
        NetworkClient.Reply first = commandNodeA.submit("/api/v1/alerts", envelope);
        NetworkClient.Reply second = commandNodeB.submit("/api/v1/alerts", envelope);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
    }

    /** Subscriptions register asynchronously: probes until one arrives; later probes are skipped by title. */
    private static void awaitLive(Officer officer) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            commandNodeA.raise("KZ-MVD", List.of("UZ"), "probe");
            if (officer.next(1) != null) {
                return;
            }
        }
        throw new AssertionError("the query node pushed no probe alert");
    }

    private static void seedAccounts(Accounts accounts) {
        var passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String hash = passwords.encode(NetworkClient.DEMO_PASSWORD);
        accounts.save(new Account("kz-agency", hash, new AgencyCode("KZ-MVD"), Set.of(Role.AGENCY), false));
        accounts.save(new Account("uz-officer", hash, new AgencyCode("UZ-SNB"), Set.of(Role.OFFICER), false));
    }

    private static ConfigurableApplicationContext start(Class<?> application, String uri, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ewn.mongodb.uri=" + uri,
                "--spring.application.name=" + application.getSimpleName()));
        arguments.addAll(List.of(more));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
