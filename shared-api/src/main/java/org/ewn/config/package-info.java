/** Spring Boot wiring that every side shares: the MongoDB connection, the event store, the token store and access control. */
package org.ewn.config;
