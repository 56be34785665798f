package org.ewn.command.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param checkInterval how often each command node looks for acknowledgement deadlines that have passed */
@ConfigurationProperties("ewn.alerts.escalation")
record EscalationProperties(@DefaultValue("5s") Duration checkInterval) {
}
