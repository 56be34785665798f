/** Referrals of people to services: the referral's rules, its signed steps over HTTP and its deadline to answer. */
package org.ewn.command.referral;
