/** Wiring of the query side: the API description and the processors' settings. */
package org.ewn.query.config;
