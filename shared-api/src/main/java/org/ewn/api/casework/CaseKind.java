package org.ewn.api.casework;

/** The two kinds of casework between members: a referral to a service, and a transfer of responsibility. */
public enum CaseKind { REFERRAL, TRANSFER }
