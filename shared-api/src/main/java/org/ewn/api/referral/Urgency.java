package org.ewn.api.referral;

/** How soon the receiving agency must answer a referral; each urgency has its own deadline to accept. */
public enum Urgency { EMERGENCY, URGENT, ROUTINE }
