package org.ewn.api.inbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert as a member sees it, with its history. In JSON the alert's fields stand at the top level, as in the
 * inbox, next to {@code history}.
 *
 * @param sealedText the text sealed for the addressees' agencies (JWE JSON serialization), or null
 * @param subjects the people the alert is about; only the detail shows them, never a list or a live message
 * @param history  what happened to the alert that this member may see, in the order of the log
 */
public record InboxAlertDetail(@JsonUnwrapped InboxAlert alert,
                               @JsonProperty("sealedText") Map<String, Object> sealedText,
                               List<InboxSubject> subjects,
                               List<InboxStep> history) {

    public InboxAlertDetail {
        Objects.requireNonNull(alert, "alert");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        history = List.copyOf(history);
    }
}
