/** The all-in-one network: both sides in one process on the embedded store. */
package org.ewn.deploy;
