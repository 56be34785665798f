/** The embedded MongoDB-compatible store that the all-in-one application runs on when no MongoDB is configured. */
package org.ewn.deploy.store;
