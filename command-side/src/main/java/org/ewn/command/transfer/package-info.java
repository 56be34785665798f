/**
 * Case transfers: the signed steps by which responsibility for a case moves between members' agencies, the saga that
 * completes the handover, and the deadlines for answering.
 */
package org.ewn.command.transfer;
