package org.ewn.query.inbox;

import org.ewn.api.alert.AlertId;
import org.ewn.api.member.MemberCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.ewn.api.alert.AlertCategory.CYBER_INCIDENT;
import static org.ewn.api.alert.AlertCategory.MISSING_OR_AT_RISK_CHILD;
import static org.ewn.api.alert.AlertCategory.TERRORIST_THREAT;
import static org.ewn.api.alert.AlertStatus.ACTUAL;
import static org.ewn.api.alert.AlertStatus.EXERCISE;
import static org.ewn.api.alert.AlertStatus.TEST;
import static org.ewn.api.alert.HandlingMarking.AMBER;
import static org.ewn.api.alert.HandlingMarking.GREEN;
import static org.ewn.api.alert.HandlingMarking.RED;
import static org.ewn.api.alert.Precedence.FLASH;
import static org.ewn.api.alert.Precedence.PRIORITY;
import static org.ewn.api.alert.Precedence.ROUTINE;
import static org.ewn.query.inbox.AlertLog.details;

/**
 * Three alerts and what happened to them. Kazakhstan raised the bomb threat to KG, KZ and UZ; UZ and later KZ
 * acknowledged it, KG did not and was escalated; it was followed up twice; UZ asked to share it onward and was granted,
 * KG asked and awaits a decision. Kyrgyzstan's phishing exercise to KZ and UZ expired after ten minutes and was
 * withdrawn. Uzbekistan's missing child test alert went to KZ, which acknowledged it.
 */
final class AlertScenario {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    /** Before the bomb threat's deadline and the exercise's end. */
    static final Instant EARLY = T0.plus(Duration.ofMinutes(5));
    /** After both. */
    static final Instant LATER = T0.plus(Duration.ofMinutes(20));

    static final MemberCode KZ = MemberCode.of("KZ");
    static final MemberCode KG = MemberCode.of("KG");
    static final MemberCode UZ = MemberCode.of("UZ");
    static final MemberCode TJ = MemberCode.of("TJ");

    final AlertLog log = new AlertLog(100);
    final AlertId bombThreat;
    final AlertId phishing;
    final AlertId missingChild;
    final UUID uzbekRequest;
    final UUID kyrgyzRequest;

    AlertScenario() {
        bombThreat = log.raise(T0, "KZ-MVD", List.of("KG", "KZ", "UZ"), FLASH, TERRORIST_THREAT,
                details(RED, ACTUAL, T0, null), Duration.ofMinutes(15), "Bomb threat at Almaty station",
                "A suspicious bag on platform 2");
        phishing = log.raise(at(1), "KG-GKNB", List.of("KZ", "UZ"), ROUTINE, CYBER_INCIDENT,
                details(GREEN, EXERCISE, at(1), at(10)), Duration.ofHours(72), "Phishing wave",
                "E-mails pretending to come from the ministry");
        missingChild = log.raise(at(2), "UZ-SNB", List.of("KZ"), PRIORITY, MISSING_OR_AT_RISK_CHILD,
                details(AMBER, TEST, at(2), null), Duration.ofHours(8), "Missing child", "Last seen near Termez");
        log.acknowledge(at(3), bombThreat, "UZ-SNB");
        log.followUp(at(4), bombThreat, 1, "KZ-MVD", "The bag held documents");
        log.followUp(at(5), bombThreat, 2, "KZ-MVD", "All clear at the station");
        uzbekRequest = log.requestSharing(at(6), bombThreat, "UZ-SNB", "the city police", "evacuation");
        log.decideSharing(at(7), bombThreat, uzbekRequest, "UZ", "KZ-MVD", true, "For the evacuation only");
        kyrgyzRequest = log.requestSharing(at(8), bombThreat, "KG-GKNB", "the press", "a public warning");
        log.withdraw(at(9), phishing, "KG-GKNB", "Sent in error");
        log.acknowledge(at(10), missingChild, "KZ-MVD");
        log.acknowledge(at(11), bombThreat, "KZ-MVD");
        log.escalate(at(16), bombThreat, "KG", at(15));
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
