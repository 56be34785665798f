/**
 * Agencies' callbacks: the signed registration of a callback URL, and the outbox from which the hub calls each party
 * agency back, signed and retried, about every change of a case's status.
 */
package org.ewn.command.callback;
