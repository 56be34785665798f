package org.ewn.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers of two member states (the originator Kazakhstan, the addressee Kyrgyzstan), of a partner organisation
 * (UNOCT) and of a state the alerts are not for (Tajikistan), with supervisors, each see what is theirs and nothing
 * else: live, after a reconnect, and when the hub escalates a missed deadline, also after a restart. FLASH alerts
 * must be acknowledged within seconds here, so this network runs on its own data directory.
 */
class WhoReceivesWhatIT {

    private static final String[] QUICK_DEADLINES = {"--ewn.alerts.acknowledge-within.flash=5s",
                                                     "--ewn.alerts.escalation.check-interval=300ms"};

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext network;
    private static NetworkClient api;
    private static int port;

    @BeforeAll
    static void start() {
        network = start(data, QUICK_DEADLINES);
        port = port(network);
        api = new NetworkClient(port, data);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void eachOfficerReceivesWhatConcernsTheirMemberAndSupervisorsHearOfTheirMembersEscalations() throws Exception {
        try (Officer kz = subscribed("kz-officer"); Officer kg = subscribed("kg-officer");
             Officer unoct = subscribed("unoct-officer"); Officer tj = subscribed("tj-officer");
             Officer kgSupervisor = supervising("kg-supervisor"); Officer tjSupervisor = supervising("tj-supervisor")) {
            awaitProbe(kz, kg, unoct, tj);

            String alert = raise(List.of("KG", "UNOCT"), "FLASH", "Convoy crossing tonight");
            for (Officer officer : List.of(kz, kg, unoct)) {
                assertThat(nextOfKind(officer, "raised", alert)).as("the alert reaches originator and addressees")
                        .containsEntry("title", "Convoy crossing tonight");
            }
            accepted(api.submit("/api/v1/alerts/" + alert + "/acknowledgements",
                    api.signer("UNOCT-DEMO").sign("alert.acknowledge", Map.of("alertId", alert))));
            assertThat(nextOfKind(kz, "acknowledged", alert)).containsEntry("member", "UNOCT");
            assertThat(nextOfKind(unoct, "acknowledged", alert)).containsEntry("member", "UNOCT");

            Map<String, Object> notice = kgSupervisor.escalations.poll(30, TimeUnit.SECONDS);
            assertThat(notice).as("Kyrgyzstan let the deadline pass; its supervisor is told").isNotNull()
                    .containsEntry("kind", "escalated").containsEntry("alertId", alert).containsEntry("member", "KG")
                    .containsEntry("precedence", "FLASH").containsEntry("title", "Convoy crossing tonight");
            assertThat(nextOfKind(kz, "escalated", alert)).as("the originator sees it").containsEntry("member", "KG");
            assertThat(nextOfKind(kg, "escalated", alert)).containsEntry("member", "KG");

            // a later alert to Tajikistan and a last probe to all: whatever was pushed before them has arrived
            String forTajikistan = raise(List.of("TJ"), "ROUTINE", "For Tajikistan only");
            assertThat(nextOfKind(tj, "raised", forTajikistan)).isNotNull();
            awaitProbe(kz, kg, unoct, tj);
            assertThat(kindsOf(kz, alert)).as("the originator sees every step")
                    .containsExactly("raised", "acknowledged", "escalated");
            assertThat(kindsOf(kg, alert)).as("Kyrgyzstan does not see UNOCT's acknowledgement")
                    .containsExactly("raised", "escalated");
            assertThat(kindsOf(unoct, alert)).as("UNOCT does not see Kyrgyzstan's escalation")
                    .containsExactly("raised", "acknowledged");
            assertThat(kindsOf(tj, alert)).as("Tajikistan sees neither the alert nor anything about it").isEmpty();
            assertThat(tjSupervisor.escalations).as("no escalation of another member").isEmpty();
            assertThat(kgSupervisor.escalations).as("told once").isEmpty();
        }
    }

    @Test
    void onlySupervisorsMaySubscribeToEscalations() throws Exception {
        try (Officer officer = supervising("kg-officer"); Officer supervisor = supervising("kg-supervisor")) {
            assertThat(officer.refused()).as("an officer who is no supervisor").isTrue();
            assertThat(supervisor.refused()).as("a supervisor").isFalse();
        }
    }

    @Test
    void aPartnersOfficerWhoReconnectsGetsWhatWasMissedInOrderOnce() throws Exception {
        String alert;
        long seen;
        try (Officer unoct = subscribed("unoct-officer")) {
            awaitProbe(unoct);
            alert = raise(List.of("UNOCT", "KG"), "ROUTINE", "Watch list update");
            seen = position(nextOfKind(unoct, "raised", alert));
        }
        accepted(api.submit("/api/v1/alerts/" + alert + "/follow-ups", api.signer("KZ-DEMO").sign("alert.follow-up",
                Map.of("alertId", alert, "text", "Two more names"))));
        String notForUnoct = raise(List.of("KG"), "ROUTINE", "Not for the partner");
        NetworkClient.Reply toGroup = api.raise("KZ-DEMO", UUID.randomUUID(), toGroupAndPartner("To the states"));
        accepted(toGroup);
        String grouped = toGroup.json().get("alertId").asText();
        assertThat(toGroup.json().get("addressees").toString())
                .isEqualTo("[\"KG\",\"KZ\",\"TJ\",\"TM\",\"UNOCT\",\"UZ\"]");

        try (Officer back = Officer.connect(port, "unoct-officer")
                .subscribe("/user/queue/alerts", Map.of("last-position", String.valueOf(seen)))) {
            Map<String, Object> followUp = back.nextMessage(10);
            Map<String, Object> raised = back.nextMessage(10);
            assertThat(followUp).containsEntry("kind", "followedUp").containsEntry("alertId", alert)
                    .containsEntry("text", "Two more names");
            assertThat(raised).containsEntry("kind", "raised").containsEntry("alertId", grouped);
            assertThat(position(raised)).isGreaterThan(position(followUp)).isGreaterThan(seen);
            awaitProbe(back);
            assertThat(alertIds(back)).as("nothing twice, nothing of others").isNotEmpty()
                    .doesNotContain(notForUnoct, alert, grouped);
        }
    }

    /** The deadline passes while the network is down; after the restart, the supervisor is told as it escalates. */
    @Test
    void anEscalationAfterARestartReachesTheSupervisorOnce(@TempDir Path own) throws Exception {
        // no check before the outage; the notices are live only, so the first check after the restart waits
        // until the supervisor is connected
        String[] noCheck = {"--ewn.alerts.acknowledge-within.flash=3s", "--ewn.alerts.escalation.check-interval=1h"};
        String[] slowFirstCheck = {"--ewn.alerts.acknowledge-within.flash=3s",
                                   "--ewn.alerts.escalation.check-interval=12s"};
        String alert;
        Instant deadline;
        try (ConfigurableApplicationContext first = start(own, noCheck)) {
            NetworkClient client = new NetworkClient(port(first), own);
            NetworkClient.Reply raised = client.raise("KZ-DEMO", List.of("UNOCT"), "Before the outage");
            accepted(raised);
            alert = raised.json().get("alertId").asText();
            // the hub received it before answering, so its deadline is no later than 3 s from now
            deadline = Instant.now().plusSeconds(3);
        }
        while (!Instant.now().isAfter(deadline.plusSeconds(1))) {
            Thread.sleep(100);
        }
        try (ConfigurableApplicationContext second = start(own, slowFirstCheck);
             Officer supervisor = Officer.connect(port(second), "unoct-supervisor")
                     .subscribe("/user/queue/escalations")) {
            Map<String, Object> notice = supervisor.escalations.poll(30, TimeUnit.SECONDS);
            assertThat(notice).as("escalated after the restart").isNotNull().containsEntry("alertId", alert)
                    .containsEntry("member", "UNOCT").containsEntry("title", "Before the outage");
            assertThat(supervisor.escalations.poll(2, TimeUnit.SECONDS)).as("once").isNull();
        }
    }

    private static Map<String, Object> toGroupAndPartner(String title) {
        Map<String, Object> body = new LinkedHashMap<>(NetworkClient.alert(List.of("UNOCT"), title));
        body.put("groups", List.of("CENTRAL-ASIA"));
        body.put("precedence", "ROUTINE");
        return body;
    }

    private static Officer subscribed(String username) throws Exception {
        return Officer.connect(port, username).subscribe("/user/queue/alerts");
    }

    private static Officer supervising(String username) throws Exception {
        return Officer.connect(port, username).subscribe("/user/queue/escalations");
    }

    private static String raise(List<String> addressees, String precedence, String title) {
        Map<String, Object> body = new LinkedHashMap<>(NetworkClient.alert(addressees, title));
        body.put("precedence", precedence);
        NetworkClient.Reply reply = api.raise("KZ-DEMO", UUID.randomUUID(), body);
        accepted(reply);
        return reply.json().get("alertId").asText();
    }

    /**
     * Sends probes to all members until each officer got one, so their subscriptions are live; then drains every
     * officer up to the last probe. Returns the last probe's id.
     */
    private static String awaitProbe(Officer... officers) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            NetworkClient.Reply probe = api.raise("KZ-DEMO", UUID.randomUUID(),
                    Map.of("allMembers", true, "precedence", "ROUTINE", "category", "OTHER", "title", "probe"));
            accepted(probe);
            String id = probe.json().get("alertId").asText();
            boolean all = true;
            for (Officer officer : officers) {
                all &= nextOfKind(officer, "raised", id, 2) != null;
            }
            if (all) {
                return id;
            }
        }
        throw new AssertionError("the officers' subscriptions never went live");
    }

    private static Map<String, Object> nextOfKind(Officer officer, String kind, String alertId)
            throws InterruptedException {
        Map<String, Object> found = nextOfKind(officer, kind, alertId, 30);
        assertThat(found).as(kind + " of " + alertId).isNotNull();
        return found;
    }

    /** The officer's next message of this kind for the alert, skipping earlier ones; those stay recorded. */
    private static Map<String, Object> nextOfKind(Officer officer, String kind, String alertId, int seconds)
            throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            Map<String, Object> message = officer.nextMessage(1);
            if (message != null) {
                officer.seen.add(message);
                if (kind.equals(message.get("kind")) && alertId.equals(message.get("alertId"))) {
                    return message;
                }
            }
        }
        return null;
    }

    /** The ids of the alerts of every message the officer got so far; forgets them. */
    private static List<String> alertIds(Officer officer) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> message : drain(officer)) {
            ids.add(String.valueOf(message.get("alertId")));
        }
        return ids;
    }

    /** The kinds of the messages about the alert among every message the officer got so far; forgets them. */
    private static List<String> kindsOf(Officer officer, String alertId) throws InterruptedException {
        List<String> kinds = new ArrayList<>();
        for (Map<String, Object> message : drain(officer)) {
            if (alertId.equals(message.get("alertId"))) {
                kinds.add(String.valueOf(message.get("kind")));
            }
        }
        return kinds;
    }

    private static List<Map<String, Object>> drain(Officer officer) throws InterruptedException {
        List<Map<String, Object>> messages = new ArrayList<>(officer.seen);
        officer.seen.clear();
        Map<String, Object> message;
        while ((message = officer.nextMessage(1)) != null) {
            messages.add(message);
        }
        return messages;
    }

    private static long position(Map<String, Object> message) {
        return ((Number) message.get("position")).longValue();
    }

    private static void accepted(NetworkClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private static ConfigurableApplicationContext start(Path directory, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ewn.data.dir=" + directory,
                "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(NetworkApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
