/**
 * Referrals of a person to rehabilitation and reintegration services: the commands, the events (each status change a
 * {@link org.ewn.api.casework.CaseStatusChanged}) and the values they carry.
 */
package org.ewn.api.referral;
