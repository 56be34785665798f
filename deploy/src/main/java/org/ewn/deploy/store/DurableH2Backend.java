package org.ewn.deploy.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;

/**
 * The H2 file backend, committed to its file before any write is acknowledged. H2's MVStore commits
 * on its own only about once a second; a process that died in between would lose writes that clients
 * had already been told were stored.
 */
public class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes");

    public DurableH2Backend(String fileName) {
        super(fileName);
    }

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase())) {
            commit();
        }
        return response;
    }
}
