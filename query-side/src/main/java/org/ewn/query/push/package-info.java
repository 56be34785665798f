/** Live push of every alert event over STOMP to the officers entitled to it, with catch-up after a reconnect. */
package org.ewn.query.push;
