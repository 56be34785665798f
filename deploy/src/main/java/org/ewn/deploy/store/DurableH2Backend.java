package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The H2 file backend, committed to its file before a write is acknowledged. H2's MVStore commits on its own only
 * about once a second; a process that died in between would lose writes that clients had already been told were
 * stored.
 * <p>
 * Writes to the collections that are rebuilt from the log ({@link #REBUILT_FROM_THE_LOG}: read models, the tracking
 * tokens that say how far each of them got, the transparency tree's tiles) are not committed on their own: the next
 * commit takes them, whether a durable write's or the store's background commit within a second. Each commit holds
 * every write made before it, so a crash keeps, for each event processor, a prefix of its writes: its models and its
 * token as they stood at one moment, from which it replays the rest, as after any stop between a model's write and
 * its token's. The log itself, the signed tree heads, the sagas, the callback outbox, the accounts and anything not
 * named here are committed before their acknowledgement.
 */
public class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes");
    /** Writes whose collection is named in the command document; the others always commit. */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    /** Collections whose content a replay of the log rebuilds, by name or by prefix ending in {@code _}. */
    static final List<String> REBUILT_FROM_THE_LOG = List.of("inbox_", "directory_", "referrals", "referral_members",
                                                             "transfers", "transparency_tiles", "transparency_meta",
                                                             "trackingtokens");

    private final Predicate<String> deferred;

    public DurableH2Backend(String fileName) {
        super(fileName);
        this.deferred = DurableH2Backend::rebuiltFromTheLog;
    }

    DurableH2Backend(MVStore store) {
        super(store);
        this.deferred = DurableH2Backend::rebuiltFromTheLog;
    }

    /** Databases whose indexes compare keys by value: see {@link KeyedH2Database}. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new KeyedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    static boolean rebuiltFromTheLog(String collection) {
        for (String name : REBUILT_FROM_THE_LOG) {
            if (name.endsWith("_") ? collection.startsWith(name) : collection.equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        String name = command.toLowerCase();
        if (WRITES.contains(name) && !(DOCUMENT_WRITES.contains(name) && deferred.test(collection(command, query)))) {
            commit();
        }
        return response;
    }

    private static String collection(String command, Document query) {
        return query.get(command) instanceof String collection ? collection : "";
    }
}
