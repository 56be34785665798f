package org.ewn.command.alert;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The signed body of an {@code alert.acknowledge} submission: the alert it acknowledges. */
record AcknowledgeAlertBody(@NotNull UUID alertId) {
}
