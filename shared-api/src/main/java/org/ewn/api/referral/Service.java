package org.ewn.api.referral;

/** A rehabilitation or reintegration service a person can be referred to. */
public enum Service {
    MEDICAL, PSYCHOSOCIAL, EDUCATION, HOUSING, VOCATIONAL_TRAINING, LEGAL_AID, FAMILY_TRACING, OTHER
}
