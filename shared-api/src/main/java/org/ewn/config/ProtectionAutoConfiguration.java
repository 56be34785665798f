package org.ewn.config;

import org.ewn.protect.MasterKey;
import org.ewn.protect.MasterKeys;
import org.ewn.protect.ProtectionProperties;
import org.ewn.protect.SubjectKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.util.List;

/**
 * The subject key store on every side: the command side records and destroys keys, the query side opens personal
 * data for those entitled to read it. At start-up, keys still wrapped by an earlier master key are rewrapped.
 */
@AutoConfiguration
@EnableConfigurationProperties(ProtectionProperties.class)
public class ProtectionAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectionAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SubjectKeyStore subjectKeyStore(ProtectionProperties properties) {
        MasterKey current = MasterKeys.current(properties);
        List<MasterKey> previous = MasterKeys.previous(properties);
        SubjectKeyStore store = new SubjectKeyStore(properties.keyDir(), current, previous);
        if (!previous.isEmpty()) {
            int rewrapped = store.rewrap();
            LOG.info("Subject keys rewrapped under master key {}: {}", current.id(), rewrapped);
            Path old = properties.masterKeyFile() == null ? null : MasterKeys.previousFile(properties.masterKeyFile());
            if (old != null && !store.masterKeysInUse().stream().anyMatch(id -> !id.equals(current.id()))) {
                MasterKeys.destroy(old);
            }
        }
        return store;
    }
}
