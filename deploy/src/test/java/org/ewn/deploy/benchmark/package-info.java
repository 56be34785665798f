/** The benchmark of the event store and of the live path: one command, one table of figures. */
package org.ewn.deploy.benchmark;
