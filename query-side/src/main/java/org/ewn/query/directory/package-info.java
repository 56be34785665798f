/** The membership directory: members, agencies and their current and past certificates, readable by every account. */
package org.ewn.query.directory;
