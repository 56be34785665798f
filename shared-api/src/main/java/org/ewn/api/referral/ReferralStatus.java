package org.ewn.api.referral;

/**
 * Where a referral stands. SUBMITTED, ACCEPTED and IN_PROGRESS are open; DECLINED, CLOSED and REVOKED are final.
 */
public enum ReferralStatus {
    SUBMITTED, ACCEPTED, DECLINED, IN_PROGRESS, CLOSED, REVOKED;

    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
