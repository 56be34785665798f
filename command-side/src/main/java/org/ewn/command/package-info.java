/** The command side: verifies submissions, decides with aggregates and appends their events to the log. */
package org.ewn.command;
