package org.ewn.command.transfer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the handover sagas in MongoDB, beside the log, so that a handover under way survives a restart and any
 * command node can carry it on. Sagas are found by {@code _id} and association; there are few at any time.
 */
@Configuration(proxyBeanMethods = false)
class HandoverSagaStore {

    @Bean
    SagaStore<Object> transferSagaStore(MongoDatabase database, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer)
                .build();
    }
}
