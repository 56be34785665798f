/** Alerts: early warnings raised by an agency and addressed to members of the network. */
package org.ewn.api.alert;
