/** The referrals each member sent and received: their read model, the list and the detail, and who read them. */
package org.ewn.query.referral;
