package org.ewn.query.inbox;

import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Locale;

/**
 * Searches an alert's words: its title, the text it was raised with and every follow-up's, superseded ones too, since
 * an officer may remember any of them. Everything the inbox holds is plain text; what is ever encrypted at rest
 * cannot be searched here.
 */
final class TextSearch {

    /** The fields a search reads, so that it does not load whole alerts. */
    static final Bson FIELDS = Projections.include("title", "text", InboxDocuments.FOLLOW_UPS);

    private TextSearch() {
    }

    /** Whether the alert's title, text or any follow-up contains {@code needle}, which is in lower case. */
    static boolean mentions(Document alert, String needle) {
        if (contains(alert.getString("title"), needle) || contains(alert.getString("text"), needle)) {
            return true;
        }
        return InboxDocuments.followUps(alert).stream()
                .anyMatch(followUp -> contains(followUp.getString("text"), needle));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
