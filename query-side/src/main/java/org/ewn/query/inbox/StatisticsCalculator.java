package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.InboxStatistics;
import org.ewn.api.inbox.InboxStatistics.Acknowledgement;
import org.ewn.api.inbox.InboxStatistics.Day;
import org.ewn.api.member.MemberCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes a member's {@link InboxStatistics} from its entries (as {@link InboxEntries} writes them) in one pass;
 * nothing else is read, so the cost is that of reading the member's buckets.
 */
final class StatisticsCalculator {

    private StatisticsCalculator() {
    }

    /**
     * @param acknowledgedAt when the member acknowledged the entry's alert, for entries that say it did but were
     *                       projected before they kept the time; null if unknown
     */
    static InboxStatistics compute(List<Document> entries, MemberCode member, Instant now, int days,
                                   Function<Document, Instant> acknowledgedAt) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<LocalDate, Counts> byDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            byDay.put(day, new Counts());
        }
        Map<Precedence, List<Long>> delays = new EnumMap<>(Precedence.class);
        long overdue = 0;
        long unacknowledged = 0;
        for (Document entry : entries) {
            Instant raisedAt = entry.getDate("raisedAt").toInstant();
            Precedence precedence = Precedence.valueOf(entry.getString("precedence"));
            boolean acknowledged = entry.getList("acknowledgedBy", String.class, List.of()).contains(member.value());
            if (!raisedAt.isBefore(from) && !raisedAt.isAfter(now)) {
                byDay.get(LocalDate.ofInstant(raisedAt, ZoneOffset.UTC))
                        .add(AlertCategory.valueOf(entry.getString("category")), precedence);
                Instant at = acknowledged ? acknowledgedAt(entry, member, acknowledgedAt) : null;
                if (at != null) {
                    delays.computeIfAbsent(precedence, p -> new ArrayList<>())
                            .add(Math.max(0, Duration.between(raisedAt, at).toSeconds()));
                }
            }
            if (!acknowledged && stillOpen(entry, now)) {
                unacknowledged++;
                if (now.isAfter(entry.getDate("acknowledgeBy").toInstant())) {
                    overdue++;
                }
            }
        }
        List<Day> perDay = byDay.entrySet().stream()
                .map(e -> new Day(e.getKey(), e.getValue().categories, e.getValue().precedences)).toList();
        Map<Precedence, Acknowledgement> acknowledgement = new EnumMap<>(Precedence.class);
        for (Precedence precedence : Precedence.values()) {
            acknowledgement.put(precedence, summary(delays.getOrDefault(precedence, List.of())));
        }
        return new InboxStatistics(from, now, perDay, acknowledgement, overdue, unacknowledged);
    }

    private static Instant acknowledgedAt(Document entry, MemberCode member, Function<Document, Instant> fallback) {
        Document times = entry.get("acknowledgedAt", Document.class);
        Date at = times == null ? null : times.getDate(member.value());
        return at != null ? at.toInstant() : fallback.apply(entry);
    }

    /** Neither withdrawn nor expired: the member still has to act on it. */
    private static boolean stillOpen(Document entry, Instant now) {
        Date validUntil = entry.getDate("validUntil");
        return !entry.getBoolean("withdrawn", false) && (validUntil == null || !now.isAfter(validUntil.toInstant()));
    }

    static Acknowledgement summary(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Acknowledgement(0, null, null);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        return new Acknowledgement(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90));
    }

    private static long nearestRank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static final class Counts {

        final Map<AlertCategory, Long> categories = new EnumMap<>(AlertCategory.class);
        final Map<Precedence, Long> precedences = new EnumMap<>(Precedence.class);

        void add(AlertCategory category, Precedence precedence) {
            categories.merge(category, 1L, Long::sum);
            precedences.merge(precedence, 1L, Long::sum);
        }
    }
}
