/** The transparency log as the hub serves it: signed tree heads, and inclusion and consistency proofs. */
package org.ewn.command.audit;
