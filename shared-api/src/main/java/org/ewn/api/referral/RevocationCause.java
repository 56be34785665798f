package org.ewn.api.referral;

/** Why a referral was revoked: its referring agency revoked it, or the consent it rested on was withdrawn. */
public enum RevocationCause { REVOKED_BY_REFERRER, CONSENT_WITHDRAWN }
