package org.ewn.command.callback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ewn.api.member.AgencyCode;

/**
 * The signed body of {@code agency.callback}.
 *
 * @param url    where the hub posts the agency's notifications; omitted when removing
 * @param remove true to stop the callbacks
 */
record CallbackBody(@NotNull AgencyCode agency, @Size(max = 2000) String url, Boolean remove) {

    boolean removes() {
        return Boolean.TRUE.equals(remove);
    }
}
