package org.ewn.command.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.Precedence;

import java.util.List;

/**
 * The signed body of an {@code alert.raise} submission. Give either {@code allMembers: true} or a list of
 * {@code addressees} (member codes): the signature then covers exactly who the alert is for.
 */
record RaiseAlertBody(Boolean allMembers,
                      @Size(max = 100) List<@NotBlank String> addressees,
                      @NotNull Precedence precedence,
                      @NotNull AlertCategory category,
                      @NotBlank @Size(max = 200) String title,
                      @Size(max = 20_000) String text) {

    boolean toAllMembers() {
        return Boolean.TRUE.equals(allMembers);
    }
}
