/**
 * What referrals and case transfers share: each step that changes where a case stands is a {@link CaseStatusChanged}
 * event, which agencies poll, are called back about and see live.
 */
package org.ewn.api.casework;
