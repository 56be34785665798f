/** The offline verifier of an exported or streamed event log: hash chain, signatures as of each event, tree heads. */
package org.ewn.verify;
