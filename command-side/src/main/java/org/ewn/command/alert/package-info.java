/** Raising alerts: the alert aggregate and the REST endpoint agencies submit to. */
package org.ewn.command.alert;
