package org.ewn.api.inbox;

import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.Precedence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A member's inbox in figures: the alerts addressed to it that were raised from {@code from} to {@code to}, by day,
 * category and precedence; how fast the member acknowledged them; and how many await its acknowledgement now.
 *
 * @param byDay           every day of the period, the first first, even one without alerts
 * @param acknowledgement per precedence, how long the member took to acknowledge the alerts of the period that it has
 *                        acknowledged, from when the hub logged the alert to when it accepted the acknowledgement
 * @param overdue         alerts of any time that the member has not acknowledged although the deadline has passed,
 *                        neither withdrawn nor expired
 * @param unacknowledged  alerts of any time that the member has not acknowledged, neither withdrawn nor expired;
 *                        the overdue ones included
 */
public record InboxStatistics(Instant from, Instant to, List<Day> byDay, Map<Precedence, Acknowledgement> acknowledgement,
                              long overdue, long unacknowledged) {

    public InboxStatistics {
        byDay = List.copyOf(byDay);
        acknowledgement = Map.copyOf(acknowledgement);
    }

    /** One UTC day's alerts; a category or precedence without alerts is left out. */
    public record Day(LocalDate day, Map<AlertCategory, Long> byCategory, Map<Precedence, Long> byPrecedence) {
    }

    /**
     * @param count         how many alerts were acknowledged
     * @param medianSeconds the median time to acknowledge (nearest rank), null if none was
     * @param p90Seconds    the 90th percentile (nearest rank), null if none was
     */
    public record Acknowledgement(long count, Long medianSeconds, Long p90Seconds) {
    }
}
