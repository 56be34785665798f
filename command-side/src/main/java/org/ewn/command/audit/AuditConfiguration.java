package org.ewn.command.audit;

import com.mongodb.client.MongoDatabase;
import org.ewn.audit.LogTree;
import org.ewn.store.LogStorageEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    /** The tree over this store's log; its leaves are the events' chain hashes. */
    @Bean
    LogTree logTree(MongoDatabase database, LogStorageEngine engine) {
        return new LogTree(database, engine::hashesFrom);
    }
}
