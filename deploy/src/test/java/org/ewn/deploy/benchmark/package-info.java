/** The benchmark of the event store, the live path and the signature gate: one command, one table of figures. */
package org.ewn.deploy.benchmark;
