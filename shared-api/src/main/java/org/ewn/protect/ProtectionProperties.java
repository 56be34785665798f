package org.ewn.protect;

import org.ewn.api.subject.DataKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How personal data is protected ({@code ewn.protection.*}).
 *
 * @param keyDir                 where the wrapped subject keys are kept; by default {@code keys/subjects} in the data
 *                               directory
 * @param masterKey              the master key, base64 of 32 random bytes (environment {@code EWN_PROTECTION_MASTER_KEY});
 *                               when set, it is used instead of the file
 * @param masterKeyFile          the file holding the master key in base64; by default {@code keys/master.key} in the data
 *                               directory; keep it on another disk than the data in production
 * @param generateMasterKey      whether a missing master key file is created with a new random key
 * @param previousMasterKeys     earlier master keys (base64) whose wrapped keys are rewrapped at start-up
 * @param previousMasterKeyFiles files with earlier master keys, likewise; {@code <masterKeyFile>.old}, which
 *                               {@code ewn keys rotate} leaves, is always read and removed once nothing needs it
 * @param retention              per kind of data, how long after it was recorded it is erased
 * @param retentionCheck         how often the hub looks for data whose retention has ended
 */
@ConfigurationProperties("ewn.protection")
public record ProtectionProperties(Path keyDir,
                                   String masterKey,
                                   Path masterKeyFile,
                                   @DefaultValue("true") boolean generateMasterKey,
                                   List<String> previousMasterKeys,
                                   List<Path> previousMasterKeyFiles,
                                   Map<DataKind, Duration> retention,
                                   @DefaultValue("1h") Duration retentionCheck) {

    public ProtectionProperties {
        previousMasterKeys = previousMasterKeys == null ? List.of() : List.copyOf(previousMasterKeys);
        previousMasterKeyFiles = previousMasterKeyFiles == null ? List.of() : List.copyOf(previousMasterKeyFiles);
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    @Override
    public String toString() {
        return "ProtectionProperties[keyDir=" + keyDir + ", masterKeyFile=" + masterKeyFile + ", retention="
                + retention + "]";
    }
}
