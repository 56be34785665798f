/** Wiring of the command side: clocks, snapshotting and the API description. */
package org.ewn.command.config;
