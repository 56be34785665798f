package org.ewn.query.inbox;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertId;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.InboxAlertDetail;
import org.ewn.api.inbox.InboxBox;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxPage;
import org.ewn.api.member.MemberCode;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;

/**
 * A member's inbox, or one alert, as it was at a moment, rebuilt from alert events an auditor holds, such as those of
 * an export, without the hub: the same projection and queries as the hub's, in an in-memory store. Personal data
 * shows as erased, since its keys never leave the hub.
 */
public final class OfflineInbox {

    private OfflineInbox() {
    }

    /** @param position the event's global index; {@code at} when it was logged */
    public record LoggedAlertEvent(AlertEvent event, long position, Instant at) {
    }

    public static InboxPage inbox(Iterator<LoggedAlertEvent> events, MemberCode member, InboxBox box, Instant moment,
                                  int page, int size) {
        return at(events, moment, queries -> queries.handle(new FindInbox(member, box, InboxFilter.ALL, page, size)));
    }

    public static Optional<InboxAlertDetail> alert(Iterator<LoggedAlertEvent> events, MemberCode member,
                                                   AlertId alertId, Instant moment) {
        return at(events, moment, queries -> queries.handle(new FindInboxAlert(member, alertId)));
    }

    private static <T> T at(Iterator<LoggedAlertEvent> events, Instant moment, Function<InboxQueries, T> query) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort())) {
                MongoDatabase scratch = client.getDatabase("offline");
                InboxProjection projection = new InboxProjection(scratch);
                while (events.hasNext()) {
                    LoggedAlertEvent logged = events.next();
                    if (logged.at().isAfter(moment)) {
                        break;
                    }
                    projection.on(logged.event(), new GlobalSequenceTrackingToken(logged.position()), logged.at());
                }
                return query.apply(new InboxQueries(scratch, Clock.fixed(moment, ZoneOffset.UTC)));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
