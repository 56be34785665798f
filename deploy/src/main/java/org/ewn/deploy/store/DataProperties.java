package org.ewn.deploy.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * @param dir       where the all-in-one application keeps the embedded store and the demo credentials
 * @param cacheSize how much of each of the embedded store's two files it keeps in memory, read and deserialized; 16 MB,
 *                  H2's own default. Every page a commit writes enters the cache, which also keeps an entry, with a
 *                  weak reference, for pages it has let go. At 64 MB, with 1,000 officers online at 100 alerts/s, it
 *                  held 244,000 entries against 44,000 at 16 MB, and the young collections, every second or two, took
 *                  41-44 ms on average instead of 19-20 ms; the push's p99 at that load, once warm, was 72-106 ms
 *                  against 38-48 ms.
 */
@ConfigurationProperties("ewn.data")
public record DataProperties(@DefaultValue("data") Path dir,
                             @DefaultValue(DurableH2Backend.DEFAULT_CACHE_SIZE) DataSize cacheSize) {
}
