package org.ewn.config;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ewn.store.LogStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import java.time.Duration;

/**
 * The event log and the tracking tokens on MongoDB, for whichever side runs in this process. Runs
 * before Axon's own auto-configuration so that Axon builds its event store on our engine and never
 * falls back to an in-memory token store.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@EnableConfigurationProperties(MongoProperties.class)
@PropertySource("classpath:ewn-defaults.properties")
public class StoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoClient mongoClient(MongoProperties properties) {
        if (properties.embedded()) {
            throw new IllegalStateException("No MongoDB configured: set ewn.mongodb.uri (EWN_MONGODB_URI), "
                    + "or run the all-in-one application, which starts an embedded store");
        }
        return MongoClients.create(properties.uri());
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        MongoDatabase database = client.getDatabase(properties.database());
        if (properties.durable()) {
            database = database.withWriteConcern(WriteConcern.MAJORITY.withJournal(true))
                    .withReadConcern(ReadConcern.MAJORITY);
        }
        return database;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventStorageEngine.class)
    LogStorageEngine eventStorageEngine(MongoDatabase database,
                                        @Qualifier("eventSerializer") Serializer eventSerializer,
                                        Serializer serializer,
                                        ObjectProvider<EventUpcaster> upcasters) {
        return LogStorageEngine.builder()
                .database(database)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
    }

    /**
     * Axon's event store on our engine. It hears of this process's own commits at once; commits of
     * other command nodes it finds by polling the log's end, one {@code _id} lookup per
     * {@code ewn.store.poll-interval}, so that live push and projections on a query node follow within
     * that interval rather than Axon's default second.
     */
    @Bean
    @ConditionalOnMissingBean(EventStore.class)
    EmbeddedEventStore eventStore(EventStorageEngine engine, org.axonframework.config.Configuration configuration,
                                  @Value("${ewn.store.poll-interval:100ms}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(engine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(MongoDatabase database, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer)
                .build();
    }
}
