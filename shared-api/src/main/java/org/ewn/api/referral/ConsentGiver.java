package org.ewn.api.referral;

/** Who gave the consent a referral rests on. */
public enum ConsentGiver { SUBJECT, GUARDIAN, LEGAL_REPRESENTATIVE }
