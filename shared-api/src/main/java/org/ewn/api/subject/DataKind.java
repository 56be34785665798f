package org.ewn.api.subject;

/** What personal data was recorded for; each kind has its own retention period. */
public enum DataKind { ALERT, REFERRAL, CASE_TRANSFER }
