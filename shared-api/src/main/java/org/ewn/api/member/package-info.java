/** Identifiers of the network's members (states and partner organisations) and their agencies. */
package org.ewn.api.member;
