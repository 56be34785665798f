package org.ewn.access;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's settings as the application binds them from properties or the environment. */
class ConsolePropertiesTest {

    @Test
    void sessionsEndAfterThirtyMinutesWithoutARequestAndNoOtherOriginIsAllowedByDefault() {
        ConsoleProperties console = bind(Map.of());
        assertThat(console.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(console.sessionTimeoutSeconds()).isEqualTo(1800);
        assertThat(console.allowedOrigins()).isEmpty();
        assertThat(console.signInAttempts()).isEqualTo(5);
        assertThat(console.signInLockout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aShortTimeoutAndExtraOriginsCanBeSet() {
        ConsoleProperties console = bind(Map.of("ewn.console.session-timeout", "90s",
                "ewn.console.allowed-origins", "https://console.example.org,https://backup.example.org"));
        assertThat(console.sessionTimeoutSeconds()).isEqualTo(90);
        assertThat(console.allowedOrigins())
                .isEqualTo(List.of("https://console.example.org", "https://backup.example.org"));
    }

    @Test
    void aSessionThatNeverTimesOutIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("ewn.console.session-timeout", "0s")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static ConsoleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ewn.console", ConsoleProperties.class);
    }
}
