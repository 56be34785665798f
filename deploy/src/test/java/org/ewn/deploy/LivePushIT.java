package org.ewn.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live push of every alert event over real STOMP sessions: who receives which kind, and a reconnecting officer's
 * catch-up from the last position it saw. Messages are picked out by the alerts each test raised, since the shared
 * network may push others (another test's probes, the hub's escalations of old alerts); assertions about what did
 * not arrive wait for a later event in the log, as pushes follow the log's order. Shares its application with
 * {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class LivePushIT {

    private static final String QUEUE = "/user/queue/alerts";

    @LocalServerPort
    int port;

    private NetworkClient api;
    private final List<Officer> officers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
    }

    @AfterEach
    void closeOfficers() {
        officers.forEach(Officer::close);
    }

    @Test
    void anAddresseeReceivesTheAlertThenItsWithdrawalAsAnUpdate() throws Exception {
        Officer kg = live("kg-officer", "KG");
        String alertId = raise("KZ-DEMO", List.of("KG", "UZ"), "Convoy sighted near Osh");

        Map<String, Object> raised = nextAbout(kg, Set.of(alertId));
        assertThat(raised).containsEntry("kind", "raised").containsEntry("alertId", alertId)
                          .containsEntry("title", "Convoy sighted near Osh").containsEntry("originator", "KZ-DEMO")
                          .containsEntry("addressees", List.of("KG", "UZ")).containsEntry("precedence", "FLASH")
                          .containsEntry("acknowledgements", List.of()).containsEntry("withdrawal", null);

        withdraw("KZ-DEMO", alertId, "A scheduled delivery, not a convoy");
        Map<String, Object> withdrawn = nextAbout(kg, Set.of(alertId));
        assertThat(withdrawn).containsEntry("kind", "withdrawn").containsEntry("agency", "KZ-DEMO")
                             .containsEntry("reason", "A scheduled delivery, not a convoy")
                             .containsKey("withdrawnAt");
        assertThat(Instant.parse((String) withdrawn.get("withdrawnAt"))).isAfterOrEqualTo(
                Instant.parse((String) raised.get("submittedAt")));
        assertThat(position(withdrawn)).isGreaterThan(position(raised));
    }

    /**
     * Text in any script arrives as it was raised, in a frame shorter than the container's send buffer and in one
     * longer, which goes out another way.
     */
    @Test
    void anAlertsTextArrivesAsRaisedWhateverItsScriptAndLength() throws Exception {
        Officer kg = live("kg-officer", "KG");
        String text = "Замечен у перехода Достук, «Ош → Андижан»; 🚸 ребёнок 7 лет, سُعاد. ";
        String shortId = raiseWithText("KG", "Short text in several scripts", text);
        String longText = text.repeat(15_000 / text.length());
        String longId = raiseWithText("KG", "Long text in several scripts", longText);

        assertThat(nextAbout(kg, Set.of(shortId))).containsEntry("text", text);
        assertThat(nextAbout(kg, Set.of(longId))).containsEntry("text", longText);
    }

    /**
     * Each frame is a STOMP MESSAGE for the officer's own subscription: it names the destination the client
     * subscribed to and the subscription's id, says its body is JSON, and has a message id no other frame has.
     */
    @Test
    void eachFrameNamesTheSubscriptionAndItsDestinationAndHasAMessageIdOfItsOwn() throws Exception {
        Officer kg = live("kg-officer", "KG");
        Officer uz = live("uz-officer", "UZ");
        String first = raise("KZ-DEMO", List.of("KG", "UZ"), "First of two frames");
        String second = raise("KZ-DEMO", List.of("KG", "UZ"), "Second of two frames");

        Set<String> messageIds = new HashSet<>();
        for (Officer officer : List.of(kg, uz)) {
            List<Officer.Frame> frames = framesAbout(officer, Set.of(first, second), 2);
            assertThat(frames).extracting(frame -> frame.message().get("alertId")).containsExactly(first, second);
            for (Officer.Frame frame : frames) {
                assertThat(frame.headers().getDestination()).isEqualTo(QUEUE);
                assertThat(frame.headers().getSubscription()).isEqualTo(officer.subscriptions.get(QUEUE));
                assertThat(frame.headers().getContentType()).hasToString("application/json");
                assertThat(frame.headers().getMessageId()).isNotBlank();
                messageIds.add(frame.headers().getMessageId());
            }
        }
        assertThat(messageIds).hasSize(4);
    }

    @Test
    void anAcknowledgementReachesTheOriginatorAndTheAcknowledgerButNoOtherAddressee() throws Exception {
        Officer kz = live("kz-officer", "KZ");
        Officer uz = live("uz-officer", "UZ");
        Officer kg = live("kg-officer", "KG");
        String alertId = raise("KZ-DEMO", List.of("KG", "UZ"), "To be acknowledged by Uzbekistan");

        acknowledge("UZ-DEMO", alertId);
        // later in the log than the acknowledgement, and for every one of them: whoever has it had all before it
        withdraw("KZ-DEMO", alertId, "Resolved");

        List<Map<String, Object>> toOriginator = untilWithdrawn(kz, alertId);
        assertThat(kinds(toOriginator)).containsExactly("raised", "acknowledged", "withdrawn");
        assertThat(toOriginator.get(1)).containsEntry("member", "UZ").containsEntry("agency", "UZ-DEMO")
                                       .containsKey("acknowledgedAt");
        assertThat(kinds(untilWithdrawn(uz, alertId))).containsExactly("raised", "acknowledged", "withdrawn");
        assertThat(kinds(untilWithdrawn(kg, alertId))).as("another addressee's acknowledgement")
                                                      .containsExactly("raised", "withdrawn");
    }

    @Test
    void followUpsReachEveryoneAndSharingRequestsOnlyTheRequesterAndTheOriginator() throws Exception {
        Officer kz = live("kz-officer", "KZ");
        Officer uz = live("uz-officer", "UZ");
        Officer kg = live("kg-officer", "KG");
        String alertId = raise("KZ-DEMO", List.of("KG", "UZ"), "Person of concern crossing");

        accepted(api.submit(step(alertId, "follow-ups"), api.signer("KZ-DEMO").sign("alert.follow-up",
                Map.of("alertId", alertId, "text", "Now heading north"))));
        UUID request = UUID.randomUUID();
        accepted(api.submit(step(alertId, "sharing-requests"), api.signer("UZ-DEMO").sign("alert.sharing-request",
                request, NetworkClient.now(), Map.of("alertId", alertId, "recipients", "Border guard",
                        "purpose", "Interception"))));
        accepted(api.submit(step(alertId, "sharing-requests/" + request + "/decision"), api.signer("KZ-DEMO").sign(
                "alert.sharing-decision", Map.of("alertId", alertId, "requestId", request.toString(),
                        "granted", true, "reason", "For the border guard only"))));
        withdraw("KZ-DEMO", alertId, "Closed");

        List<String> withSharing = List.of("raised", "followedUp", "sharingRequested", "sharingDecided", "withdrawn");
        List<Map<String, Object>> toOriginator = untilWithdrawn(kz, alertId);
        assertThat(kinds(toOriginator)).containsExactlyElementsOf(withSharing);
        assertThat(toOriginator.get(1)).containsEntry("number", 1).containsEntry("text", "Now heading north");
        assertThat(toOriginator.get(2)).containsEntry("requestId", request.toString()).containsEntry("member", "UZ")
                                       .containsEntry("recipients", "Border guard");
        assertThat(toOriginator.get(3)).containsEntry("requester", "UZ").containsEntry("granted", true);
        assertThat(kinds(untilWithdrawn(uz, alertId))).containsExactlyElementsOf(withSharing);
        assertThat(kinds(untilWithdrawn(kg, alertId))).containsExactly("raised", "followedUp", "withdrawn");
    }

    @Test
    void aReconnectingOfficerReceivesWhatItMissedInOrderThenLiveEventsWithoutDuplicates() throws Exception {
        Officer outsider = live("unoct-officer", "UNOCT");
        Officer tj = live("tj-officer", "TJ");
        String before = raise("KZ-DEMO", List.of("TJ"), "Seen before going offline");
        long seen = position(nextAbout(tj, Set.of(before)));
        tj.close();

        List<String> missed = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            missed.add(raise("KZ-DEMO", List.of("TJ", "UZ"), "Missed " + i));
        }
        acknowledge("UZ-DEMO", missed.get(0)); // Uzbekistan's acknowledgement is not for Tajikistan
        String notForTj = raise("KZ-DEMO", List.of("UZ"), "Not for Tajikistan");

        Officer back = officer("tj-officer").subscribe(QUEUE, Map.of("last-position", String.valueOf(seen)));
        Officer outsiderBack = officer("unoct-officer").subscribe(QUEUE, Map.of("last-position", String.valueOf(seen)));
        // raised while the catch-up may still be reading the log: each must come once, after the missed ones
        List<String> live = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            live.add(raise("KZ-DEMO", List.of("TJ"), "Live " + i));
        }

        Set<String> ours = new HashSet<>(missed);
        ours.addAll(live);
        ours.add(before);
        ours.add(notForTj);
        List<Map<String, Object>> received = take(back, ours, 6);
        List<String> expected = new ArrayList<>(missed);
        expected.addAll(live);
        assertThat(received).extracting(m -> m.get("alertId")).containsExactlyElementsOf(expected);
        assertThat(kinds(received)).containsOnly("raised");
        assertThat(received).extracting(LivePushIT::position).isSorted().doesNotHaveDuplicates()
                            .allMatch(position -> position > seen);
        String after = raise("KZ-DEMO", List.of("TJ"), "After the catch-up");
        ours.add(after);
        assertThat(nextAbout(back, ours)).as("nothing twice").containsEntry("alertId", after);

        String barrier = raise("KZ-DEMO", List.of("UNOCT"), "For the partner organisation");
        for (Officer notAddressed : List.of(outsider, outsiderBack)) {
            assertThat(untilAlert(notAddressed, barrier)).extracting(m -> m.get("alertId"))
                                                         .doesNotContainAnyElementsOf(ours);
        }
    }

    @Test
    void aLastPositionThatIsNoPositionIsRefused() throws Exception {
        List<String> explained = new ArrayList<>();
        for (String bad : List.of("yesterday", "12abc", "1.5", "-2", "")) {
            Officer officer = officer("kg-officer").subscribe(QUEUE, Map.of("last-position", bad));
            assertThat(officer.refused()).as(bad).isTrue();
            // Spring closes the connection right after the ERROR frame and, now and then, before the frame is out
            String error = errorAbout(officer, "last-position");
            if (error != null) {
                explained.add(error);
            }
        }
        assertThat(explained).isNotEmpty().allMatch(error -> error.startsWith("last-position must be"));
        // a position is accepted, so the refusals were the header's
        Officer kg = live("kg-officer", "KG");
        String alertId = raise("KZ-DEMO", List.of("KG"), "A position to resume from");
        long position = position(nextAbout(kg, Set.of(alertId)));
        Officer resumed = officer("kg-officer").subscribe(QUEUE, Map.of("last-position", String.valueOf(position - 1)));
        assertThat(nextAbout(resumed, Set.of(alertId))).containsEntry("kind", "raised");
        assertThat(resumed.errors).isEmpty();
    }

    /** Browsers ask for per-message compression on the handshake; the hub opens the connection without it. */
    @Test
    void theHandshakeTurnsDownCompression() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                             + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                             + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: v12.stomp\r\n"
                             + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                             + "Authorization: " + NetworkClient.basic("kg-officer", NetworkClient.DEMO_PASSWORD)
                             + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = head(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 101")
                                .containsIgnoringCase("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                                .containsIgnoringCase("Sec-WebSocket-Protocol: v12.stomp")
                                .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }

    /** An HTTP response's status line and headers, up to the blank line. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The hub closed the connection after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aSessionSubscribesOnce() throws Exception {
        Officer officer = live("kg-officer", "KG");
        officer.subscribe(QUEUE);
        assertThat(officer.refused()).isTrue();
    }

    private Officer officer(String username) throws Exception {
        Officer officer = Officer.connect(port, username);
        officers.add(officer);
        return officer;
    }

    /** Connects an officer and confirms with probe alerts that its subscription is live. */
    private Officer live(String username, String member) throws Exception {
        Officer officer = officer(username).subscribe(QUEUE);
        awaitLive(officer, member);
        return officer;
    }

    private void awaitLive(Officer officer, String member) throws InterruptedException {
        Set<String> probes = new HashSet<>();
        for (int attempt = 0; attempt < 20; attempt++) {
            probes.add(raise("TM-DEMO", List.of(member), "probe"));
            for (Map<String, Object> m = officer.nextMessage(1); m != null; m = officer.nextMessage(0)) {
                if (probes.contains(m.get("alertId"))) {
                    return;
                }
            }
        }
        throw new AssertionError("an officer of " + member + " received no probe alert");
    }

    /** The next message about one of the alerts, skipping others. */
    private static Map<String, Object> nextAbout(Officer officer, Collection<String> alertIds)
            throws InterruptedException {
        return take(officer, alertIds, 1).get(0);
    }

    /** The next {@code count} messages about the alerts, in the order they came, skipping others. */
    private static List<Map<String, Object>> take(Officer officer, Collection<String> alertIds, int count)
            throws InterruptedException {
        List<Map<String, Object>> taken = new ArrayList<>();
        while (taken.size() < count) {
            Map<String, Object> message = officer.nextMessage(10);
            assertThat(message).as("message %d of %d; so far %s", taken.size() + 1, count, taken).isNotNull();
            if (alertIds.contains(message.get("alertId"))) {
                taken.add(message);
            }
        }
        return taken;
    }

    /** The next {@code count} frames about the alerts, in the order they came, skipping others. */
    private static List<Officer.Frame> framesAbout(Officer officer, Collection<String> alertIds, int count)
            throws InterruptedException {
        List<Officer.Frame> taken = new ArrayList<>();
        while (taken.size() < count) {
            Officer.Frame frame = officer.frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("frame %d of %d", taken.size() + 1, count).isNotNull();
            if (alertIds.contains(frame.message().get("alertId"))) {
                taken.add(frame);
            }
        }
        return taken;
    }

    /** The messages about the alert, up to and including its withdrawal. */
    private static List<Map<String, Object>> untilWithdrawn(Officer officer, String alertId)
            throws InterruptedException {
        List<Map<String, Object>> about = new ArrayList<>();
        do {
            about.add(nextAbout(officer, Set.of(alertId)));
        } while (!"withdrawn".equals(about.get(about.size() - 1).get("kind")));
        return about;
    }

    /** Every message before the given alert is raised. */
    private static List<Map<String, Object>> untilAlert(Officer officer, String alertId) throws InterruptedException {
        List<Map<String, Object>> before = new ArrayList<>();
        for (Map<String, Object> message = officer.nextMessage(10); ; message = officer.nextMessage(10)) {
            assertThat(message).as("waiting for " + alertId).isNotNull();
            if (alertId.equals(message.get("alertId"))) {
                return before;
            }
            before.add(message);
        }
    }

    /** The message of the ERROR frame about the subject, or null if none came before the connection was lost. */
    private static String errorAbout(Officer officer, String subject) throws InterruptedException {
        for (String error = officer.errors.poll(5, TimeUnit.SECONDS); error != null;
             error = officer.errors.poll(1, TimeUnit.SECONDS)) {
            if (error.contains(subject)) {
                return error;
            }
        }
        return null;
    }

    private static List<Object> kinds(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> m.get("kind")).toList();
    }

    private static long position(Map<String, Object> message) {
        return ((Number) message.get("position")).longValue();
    }

    private String raise(String agency, List<String> addressees, String title) {
        NetworkClient.Reply reply = api.raise(agency, addressees, title);
        accepted(reply);
        return reply.json().get("alertId").asText();
    }

    private String raiseWithText(String addressee, String title, String text) {
        Map<String, Object> body = NetworkClient.alert(List.of(addressee), title);
        body.put("text", text);
        NetworkClient.Reply reply = api.raise("TM-DEMO", UUID.randomUUID(), body);
        accepted(reply);
        return reply.json().get("alertId").asText();
    }

    private void acknowledge(String agency, String alertId) {
        accepted(api.submit(step(alertId, "acknowledgements"),
                api.signer(agency).sign("alert.acknowledge", Map.of("alertId", alertId))));
    }

    private void withdraw(String agency, String alertId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", alertId);
        body.put("reason", reason);
        accepted(api.submit(step(alertId, "withdrawal"), api.signer(agency).sign("alert.withdraw", body)));
    }

    private static String step(String alertId, String step) {
        return "/api/v1/alerts/" + alertId + "/" + step;
    }

    private static void accepted(NetworkClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
