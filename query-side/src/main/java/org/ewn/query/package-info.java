/** The query side: projections of the event log into read models, the query API and live push. */
package org.ewn.query;
