/**
 * Case transfers: responsibility for a case moves from one member's agency to another's, on the sender's request or
 * on the receiver's asking, each step a signed submission.
 */
package org.ewn.api.transfer;
