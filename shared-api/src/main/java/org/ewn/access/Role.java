package org.ewn.access;

/** What an account may do in the network. */
public enum Role {
    /** An agency's system: submits alerts and reads its member's inbox. */
    AGENCY,
    /** A liaison officer: reads the member's inbox and receives live alerts. */
    OFFICER,
    /**
     * Supervises the member's officers: is told live when the member lets an alert's acknowledgement deadline pass.
     * A supervisor's account is usually an officer's too.
     */
    SUPERVISOR,
    /** Reads and verifies the network's history for oversight; submits nothing and receives no live alerts. */
    AUDITOR,
    /** Administers the network's accounts and membership on behalf of a member or the network. */
    ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
