package org.ewn.command.alert;

import org.ewn.api.alert.Precedence;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertPropertiesTest {

    @Test
    void eachPrecedenceHasItsDefaultDeadlineUnlessConfigured() {
        AlertProperties defaults = new AlertProperties(null);
        assertThat(defaults.acknowledgeWithin(Precedence.FLASH)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.acknowledgeWithin(Precedence.IMMEDIATE)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.acknowledgeWithin(Precedence.PRIORITY)).isEqualTo(Duration.ofHours(8));
        assertThat(defaults.acknowledgeWithin(Precedence.ROUTINE)).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aConfiguredDeadlineReplacesOnlyItsOwnDefault() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("ewn.alerts.acknowledge-within.flash", "10m")));
        AlertProperties configured = binder.bind("ewn.alerts", AlertProperties.class).get();

        assertThat(configured.acknowledgeWithin(Precedence.FLASH)).isEqualTo(Duration.ofMinutes(10));
        assertThat(configured.acknowledgeWithin(Precedence.ROUTINE)).isEqualTo(Duration.ofHours(72));
    }
}
