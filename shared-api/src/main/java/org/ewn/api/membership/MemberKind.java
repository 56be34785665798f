package org.ewn.api.membership;

/** A member is a state or a partner organisation; both are addressed alike. */
public enum MemberKind { STATE, PARTNER_ORGANISATION }
