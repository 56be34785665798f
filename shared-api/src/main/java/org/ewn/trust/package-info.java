/** The network's trust model: canonical JSON, signed envelopes, certificates and their checks, with Bouncy Castle. */
package org.ewn.trust;
