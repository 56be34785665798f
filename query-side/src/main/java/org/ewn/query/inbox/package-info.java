/** Each member's inbox of alerts: its projection, its queries and its REST endpoint. */
package org.ewn.query.inbox;
