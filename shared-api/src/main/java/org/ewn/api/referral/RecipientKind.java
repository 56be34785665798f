package org.ewn.api.referral;

/** A kind of recipient the person consented to have their data shared with. */
public enum RecipientKind {
    GOVERNMENT_AGENCY, HEALTH_PROVIDER, SOCIAL_SERVICE, EDUCATION_PROVIDER, HOUSING_PROVIDER, LEGAL_SERVICE,
    NON_GOVERNMENTAL_ORGANISATION, INTERNATIONAL_ORGANISATION
}
