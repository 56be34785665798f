package org.ewn.command.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.springboot.EventProcessorProperties;
import org.ewn.command.submission.TrustProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustProperties.class)
@OpenAPIDefinition(info = @Info(title = "Early-Warning Network API", version = "v1",
        description = "Alerts between the members of the network; errors are RFC 9457 problem details"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The credentials of an account; reads need one, signed submissions do not")
class CommandConfiguration {

    /** The processing groups that keep the deadlines of alerts, referrals and transfers. */
    private static final List<String> DEADLINE_PROCESSORS =
            List.of("deadlines", "referral-deadlines", "transfer-deadlines");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The processors of the deadlines let events gather between batches that were not full ({@link BatchLinger}):
     * {@code ewn.processing.deadlines-linger}, 0 to follow each event at once. A batch is full at the batch size the
     * processor itself is given.
     */
    @Autowired
    void lingerBetweenDeadlineBatches(EventProcessingConfigurer processing, EventProcessorProperties processors,
                                      @Value("${ewn.processing.deadlines-linger:100ms}") Duration linger) {
        for (String group : DEADLINE_PROCESSORS) {
            int batchSize = processors.getProcessors()
                                      .getOrDefault(group, new EventProcessorProperties.ProcessorSettings())
                                      .getBatchSize();
            processing.registerHandlerInterceptor(group, configuration -> new BatchLinger(linger, batchSize));
        }
    }

    /** Loading an alert replays its events; past this many, it starts from a snapshot instead. */
    @Bean
    SnapshotTriggerDefinition alertSnapshotTrigger(Snapshotter snapshotter,
                                                   @Value("${ewn.snapshots.alert-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
