package org.ewn.api.referral;

/** What came of a referral when the receiving agency closed it. */
public enum ReferralOutcome { SERVICE_DELIVERED, PARTLY_DELIVERED, NOT_DELIVERED }
