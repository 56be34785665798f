/** Who may act: the network's members, the accounts of their agencies and officers, and their roles. */
package org.ewn.access;
