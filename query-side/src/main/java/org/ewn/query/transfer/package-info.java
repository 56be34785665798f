/** Case transfers as their two parties' members see them: the list, each transfer with its history, and who holds it. */
package org.ewn.query.transfer;
