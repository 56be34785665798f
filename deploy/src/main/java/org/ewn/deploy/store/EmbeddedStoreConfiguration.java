package org.ewn.deploy.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.ewn.config.MongoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Without {@code ewn.mongodb.uri}, starts an in-process MongoDB wire-protocol server on loopback with its data in two
 * files under the data directory ({@link DurableH2Backend}), and connects to it with the ordinary driver, so the
 * embedded run takes the same code path as a real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ewn.mongodb.uri:}'.isBlank()")
@EnableConfigurationProperties({MongoProperties.class, DataProperties.class})
class EmbeddedStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(DataProperties data) throws IOException {
        Path directory = data.dir().toAbsolutePath();
        Files.createDirectories(directory);
        MongoServer server = new MongoServer(new DurableH2Backend(directory, data.cacheSize()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded store on {} with its data in {} and {}", address,
                 directory.resolve(DurableH2Backend.LOG_FILE), directory.resolve(DurableH2Backend.DERIVED_FILE));
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    /** One node, committed to its file before each write is acknowledged: majority concerns add nothing. */
    @Bean
    MongoDatabase mongoDatabase(MongoClient mongoClient, MongoProperties properties) {
        return mongoClient.getDatabase(properties.database());
    }
}
