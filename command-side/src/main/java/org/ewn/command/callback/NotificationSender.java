package org.ewn.command.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.command.submission.HubKey;
import org.ewn.command.submission.TrustProperties;
import org.ewn.trust.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Empties the outbox: every due notification is posted to its agency's callback URL as {@code application/jose}, a
 * JWS typed {@value #TYPE} signed with the hub's receipt key, until the agency answers 2xx. A failed attempt is tried
 * again after an exponential backoff, up to {@code ewn.callbacks.max-attempts} or {@code max-age}. Each node runs a
 * sender; a node takes a notification by moving its due time a lease ahead (read before the update, which the
 * embedded store answers safely), so two nodes never post it at the same moment, and one that stops mid-way leaves it
 * to another once the lease ends. A receiver may still see an id twice (an answer lost on the way back), and keeps
 * the ids it has seen.
 */
@Component
class NotificationSender implements SmartLifecycle {

    static final String TYPE = "ewn-notification+jws";
    static final String ID_HEADER = "Ewn-Notification-Id";
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> callbacks;
    private final HubKey hub;
    private final String network;
    private final CallbackProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private volatile ScheduledExecutorService poller;

    NotificationSender(MongoDatabase database, HubKey hub, TrustProperties trust, CallbackProperties properties,
                       Clock clock) {
        this.notifications = database.getCollection(NotificationOutbox.NOTIFICATIONS);
        this.callbacks = database.getCollection(NotificationOutbox.CALLBACKS);
        this.hub = hub;
        this.network = trust.network();
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                              .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends what is due now; returns how many it tried. */
    int sendDue() {
        long now = clock.millis();
        List<Document> due = notifications.find(Filters.and(
                        Filters.eq("state", Notification.State.PENDING.name()), Filters.lte("dueAt", now)))
                .sort(Sorts.ascending("dueAt")).limit(properties.batch()).into(new ArrayList<>());
        int tried = 0;
        for (Document candidate : due) {
            if (poller == null) {
                break;
            }
            Notification notification = claim(Notification.of(candidate), now);
            if (notification != null) {
                attempt(notification);
                tried++;
            }
        }
        return tried;
    }

    private Notification claim(Notification notification, long now) {
        Bson unchanged = Filters.and(Filters.eq("_id", notification.id()),
                Filters.eq("state", Notification.State.PENDING.name()), Filters.eq("dueAt", notification.dueAt()));
        Document before = notifications.findOneAndUpdate(unchanged,
                Updates.set("dueAt", now + properties.lease().toMillis()),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before == null ? null : notification;
    }

    private void attempt(Notification notification) {
        Document callback = callbacks.find(Filters.eq("_id", notification.agency())).first();
        if (callback == null) {
            finish(notification, Notification.State.CANCELLED, "the agency removed its callback", null);
            return;
        }
        int status;
        String failure;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback.getString("url")))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/jose")
                    .header(ID_HEADER, notification.id())
                    .POST(HttpRequest.BodyPublishers.ofString(signed(notification))).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            failure = status / 100 == 2 ? null : "answered " + status;
        } catch (IOException | IllegalArgumentException e) {
            status = 0;
            failure = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            release(notification);
            Thread.currentThread().interrupt();
            return;
        }
        if (failure == null) {
            finish(notification, Notification.State.DELIVERED, null, status);
        } else {
            failed(notification, failure, status);
        }
    }

    /** The node stops mid-attempt: the notification is due again at once, for this node's next start or another. */
    private void release(Notification notification) {
        Thread.interrupted();
        try {
            notifications.updateOne(Filters.eq("_id", notification.id()), Updates.set("dueAt", clock.millis()));
        } catch (RuntimeException e) {
            log.debug("Could not release notification {}; it is due again when its lease ends", notification.id());
        }
    }

    private void failed(Notification notification, String failure, int status) {
        int attempts = notification.attempts() + 1;
        long now = clock.millis();
        long next = now + properties.backoff().after(attempts).toMillis();
        if (attempts >= properties.maxAttempts() || next - notification.queuedAt() > properties.maxAge().toMillis()) {
            log.warn("Notification {} to {} given up after {} attempts: {}", notification.id(), notification.agency(),
                     attempts, failure);
            finish(notification, Notification.State.FAILED, failure, status);
            return;
        }
        log.info("Notification {} to {} {}; next attempt in {} ms", notification.id(), notification.agency(), failure,
                 next - now);
        notifications.updateOne(Filters.eq("_id", notification.id()), Updates.combine(
                Updates.set("attempts", attempts), Updates.set("dueAt", next),
                Updates.set("lastFailure", failure), Updates.set("lastStatus", status)));
    }

    private void finish(Notification notification, Notification.State state, String failure, Integer status) {
        notifications.updateOne(Filters.eq("_id", notification.id()), Updates.combine(
                Updates.set("state", state.name()), Updates.set("attempts", notification.attempts() + 1),
                Updates.set("finishedAt", clock.millis()), Updates.set("lastFailure", failure),
                Updates.set("lastStatus", status)));
    }

    /** The canonical JSON of what the agency is told, signed with the hub's receipt key. */
    String signed(Notification notification) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "notification");
        content.put("network", network);
        content.put("notificationId", notification.id());
        content.put("caseKind", notification.caseKind());
        content.put("caseId", notification.caseId());
        content.put("status", notification.status());
        content.put("at", notification.at());
        content.put("globalIndex", notification.globalIndex());
        try {
            return hub.sign(CanonicalJson.canonicalize(JSON.writeValueAsBytes(content)), TYPE);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callback-sender");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(10, properties.pollInterval().toMillis());
        executor.scheduleWithFixedDelay(this::sendSafely, every, every, TimeUnit.MILLISECONDS);
        poller = executor;
    }

    private void sendSafely() {
        try {
            while (sendDue() == properties.batch() && poller != null) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            if (poller != null) {
                log.warn("Sending callbacks failed; trying again shortly", e);
            }
        }
    }

    /**
     * Lets the attempt under way finish and record its outcome, and takes no further one. Interrupting it at once could
     * land in a store call after the claim, leaving the notification held for a whole lease: a minute in which no node
     * sends it. Only an attempt that outlasts its own timeout is cut short, and then releases its notification.
     */
    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                    executor.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
