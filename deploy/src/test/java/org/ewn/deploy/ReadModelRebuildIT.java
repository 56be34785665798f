package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network administrator rebuilds the inbox read model from zero while alerts keep coming: the progress can be
 * followed, a record damaged behind the hub's back is repaired, and the rebuilt inboxes equal the live ones, with the
 * alerts raised during the rebuild in them too.
 */
class ReadModelRebuildIT {

    @Test
    void theRebuiltInboxEqualsTheLiveOneWhileTrafficGoesOn(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext network = new SpringApplicationBuilder(NetworkApplication.class).run(
                "--server.port=0", "--ewn.data.dir=" + data, "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD)) {
            NetworkClient api = new NetworkClient(Integer.parseInt(network.getEnvironment()
                    .getProperty("local.server.port")), data);
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                before.add(raise(api, "Before the rebuild " + i));
            }
            String lastBefore = before.get(before.size() - 1);
            awaitInInbox(api, lastBefore);
            JsonNode uzBefore = inbox(api, "uz-officer");
            JsonNode kzSentBefore = api.get("/api/v1/inbox?box=SENT&size=100", "kz-officer").json();
            JsonNode detailBefore = api.get("/api/v1/inbox/alerts/" + before.get(3), "uz-officer").json();

            // damage the read model behind the hub's back: only a replay from the log repairs it
            network.getBean(com.mongodb.client.MongoDatabase.class).getCollection("inbox_alerts").updateOne(
                    new org.bson.Document("_id", before.get(3)), new org.bson.Document("$set",
                            new org.bson.Document("title", "Damaged")));
            assertThat(api.get("/api/v1/inbox/alerts/" + before.get(3), "uz-officer").json().get("title").asText())
                    .isEqualTo("Damaged");

            assertThat(api.post("/api/v1/admin/read-models/inbox/rebuild", "uz-officer", "application/json", "")
                    .status()).isEqualTo(403);
            assertThat(api.get("/api/v1/admin/read-models", "kz-auditor").status()).isEqualTo(403);
            NetworkClient.Reply started = api.post("/api/v1/admin/read-models/inbox/rebuild", "ewn-admin",
                    "application/json", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);

            List<String> during = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                during.add(raise(api, "During the rebuild " + i));
            }
            JsonNode status = null;
            for (int attempt = 0; attempt < 300; attempt++) {
                status = api.get("/api/v1/admin/read-models/inbox", "ewn-admin").json();
                if (status.get("current").asBoolean() && status.get("position").asLong() >= status.get("head").asLong()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(status.get("current").asBoolean()).as(status.toString()).isTrue();
            assertThat(status.get("percent").asDouble()).isEqualTo(100.0);
            awaitInInbox(api, during.get(during.size() - 1));

            JsonNode uzAfter = inbox(api, "uz-officer");
            List<JsonNode> rebuilt = new ArrayList<>();
            uzAfter.get("alerts").forEach(rebuilt::add);
            List<String> rebuiltIds = rebuilt.stream().map(a -> a.get("alertId").asText()).toList();
            assertThat(rebuiltIds).containsAll(during);
            List<JsonNode> withoutNew = rebuilt.stream().filter(a -> !during.contains(a.get("alertId").asText()))
                    .toList();
            List<JsonNode> live = new ArrayList<>();
            uzBefore.get("alerts").forEach(live::add);
            assertThat(withoutNew).as("the rebuilt inbox equals the live one").isEqualTo(live);
            assertThat(api.get("/api/v1/inbox/alerts/" + before.get(3), "uz-officer").json()).isEqualTo(detailBefore);
            JsonNode kzSentAfter = api.get("/api/v1/inbox?box=SENT&size=100", "kz-officer").json();
            assertThat(kzSentAfter.get("total").asLong()).isEqualTo(kzSentBefore.get("total").asLong() + during.size());
        }
    }

    private static JsonNode inbox(NetworkClient api, String user) {
        return api.get("/api/v1/inbox?size=100", user).json();
    }

    private static String raise(NetworkClient api, String title) {
        NetworkClient.Reply reply = api.raise("KZ-DEMO", List.of("UZ"), title);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("alertId").asText();
    }

    private static void awaitInInbox(NetworkClient api, String alertId) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (api.get("/api/v1/inbox/alerts/" + alertId, "uz-officer").status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("alert " + alertId + " never reached UZ's inbox");
    }
}
