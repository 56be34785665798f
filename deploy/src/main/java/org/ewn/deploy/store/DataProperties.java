package org.ewn.deploy.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * @param dir       where the all-in-one application keeps the embedded store and the demo credentials
 * @param cacheSize how much of the embedded store's file it keeps in memory, read and deserialized
 */
@ConfigurationProperties("ewn.data")
public record DataProperties(@DefaultValue("data") Path dir,
                             @DefaultValue(DurableH2Backend.DEFAULT_CACHE_SIZE) DataSize cacheSize) {
}
