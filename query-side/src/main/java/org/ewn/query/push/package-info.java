/** Live push of alerts over STOMP, to the officers of addressed members only. */
package org.ewn.query.push;
