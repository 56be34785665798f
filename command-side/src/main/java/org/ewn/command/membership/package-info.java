/** The network's membership: founding, admitting members, registering agencies, enrolling and revoking keys. */
package org.ewn.command.membership;
