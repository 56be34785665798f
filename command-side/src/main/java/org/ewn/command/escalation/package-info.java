/** Acknowledgement deadlines: the alerts still awaiting acknowledgements, and the watch that escalates them. */
package org.ewn.command.escalation;
