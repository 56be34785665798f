package org.ewn.api.alert;

/** What an alert warns of. */
public enum AlertCategory {
    TERRORIST_THREAT,
    FOREIGN_TERRORIST_FIGHTER_TRAVEL,
    CYBER_INCIDENT,
    WANTED_PERSON,
    MISSING_OR_AT_RISK_CHILD,
    OTHER
}
