package org.ewn.deploy.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * @param dir       where the all-in-one application keeps the embedded store and the demo credentials
 * @param cacheSize how much of each of the embedded store's two files it keeps in memory, read and deserialized; 2 MB.
 *                  Every page a commit writes enters the cache, which also keeps an entry, with a weak reference, for
 *                  pages it has let go, so what it holds lives a few seconds: long enough for the collector to copy
 *                  it from one young collection to the next. At 64 MB, with 1,000 officers online at 100 alerts/s,
 *                  the young collections took 41-44 ms on average against 19-20 ms at 16 MB, H2's default; with
 *                  five officers online at that rate, the collector paused 0.24-0.41 s a round of 30 s at 2 MB,
 *                  21-34 ms a pause, against 0.52-0.64 s and 40-61 ms at 16 MB. Loading an aggregate from a store
 *                  of 100k events took as long at the median, 1.88-2.15 ms against 1.89-2.20 ms.
 */
@ConfigurationProperties("ewn.data")
public record DataProperties(@DefaultValue("data") Path dir,
                             @DefaultValue(DurableH2Backend.DEFAULT_CACHE_SIZE) DataSize cacheSize) {
}
