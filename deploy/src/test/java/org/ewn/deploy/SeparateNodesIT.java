package org.ewn.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.ewn.access.Account;
import org.ewn.access.Directory;
import org.ewn.access.Member;
import org.ewn.access.Role;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.command.CommandSideApplication;
import org.ewn.query.QuerySideApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out shape: two command nodes and a query node, each its own application, on one shared
 * store. Any command node takes any submission; the query node projects and pushes what both wrote.
 */
class SeparateNodesIT {

    private static MongoServer store;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static NetworkClient commandNodeA;
    private static NetworkClient commandNodeB;
    private static int queryPort;
    private static NetworkClient queryNode;

    @BeforeAll
    static void startNodes() {
        store = new MongoServer(new MemoryBackend());
        store.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + store.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            seedAccounts(new Directory(client.getDatabase("ewn")));
        }
        commandNodeA = new NetworkClient(port(start(CommandSideApplication.class, uri)));
        commandNodeB = new NetworkClient(port(start(CommandSideApplication.class, uri)));
        queryPort = port(start(QuerySideApplication.class, uri));
        queryNode = new NetworkClient(queryPort);
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
                NetworkClient.Reply reply = node.post("/api/v1/alerts", "kz-agency",
                        NetworkClient.alert(UUID.randomUUID(), List.of("UZ"), "Alert " + i));
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
        String body = NetworkClient.alert(UUID.randomUUID(), List.of("UZ"), "Sent twice");
        NetworkClient.Reply first = commandNodeA.post("/api/v1/alerts", "kz-agency", body);
        NetworkClient.Reply second = commandNodeB.post("/api/v1/alerts", "kz-agency", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
    }

    /** Subscriptions register asynchronously: probes until one arrives; later probes are skipped by title. */
    private static void awaitLive(Officer officer) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            commandNodeA.post("/api/v1/alerts", "kz-agency", NetworkClient.alert(UUID.randomUUID(), List.of("UZ"), "probe"));
            if (officer.next(1) != null) {
                return;
            }
        }
        throw new AssertionError("the query node pushed no probe alert");
    }

    private static void seedAccounts(Directory directory) {
        var passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String hash = passwords.encode(NetworkClient.DEMO_PASSWORD);
        for (String code : List.of("KZ", "UZ")) {
            directory.save(new Member(MemberCode.of(code), code, Member.Kind.STATE, false));
        }
        directory.save(new Account("kz-agency", hash, new AgencyCode("KZ-MVD"), Set.of(Role.AGENCY), false));
        directory.save(new Account("uz-officer", hash, new AgencyCode("UZ-SNB"), Set.of(Role.OFFICER), false));
    }

    private static ConfigurableApplicationContext start(Class<?> application, String uri) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(application).run(
                "--server.port=0", "--ewn.mongodb.uri=" + uri, "--spring.application.name=" + application.getSimpleName());
        nodes.add(node);
        return node;
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
