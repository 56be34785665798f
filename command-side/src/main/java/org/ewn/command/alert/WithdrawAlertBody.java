package org.ewn.command.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The signed body of an {@code alert.withdraw} submission: the alert, and why it is withdrawn. */
record WithdrawAlertBody(@NotNull UUID alertId, @NotBlank @Size(max = 2000) String reason) {
}
