/** The network's membership as events: founding, members, agencies and their keys, suspensions and revocations. */
package org.ewn.api.membership;
