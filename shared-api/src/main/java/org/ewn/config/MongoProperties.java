package org.ewn.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the network's MongoDB is.
 *
 * @param uri      a MongoDB connection string (for production a replica set); empty means the
 *                 all-in-one application's embedded store
 * @param database the database that holds the event log, tokens and read models
 * @param durable  write with {@code w:majority} and journaling and read with {@code readConcern:
 *                 majority}, as a replica set requires so that no acknowledged event is ever rolled back
 */
@ConfigurationProperties("ewn.mongodb")
public record MongoProperties(String uri,
                              @DefaultValue("ewn") String database,
                              @DefaultValue("true") boolean durable) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
