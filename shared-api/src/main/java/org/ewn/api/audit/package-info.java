/** What the audit log records beyond the submissions: who opened which record, and when. */
package org.ewn.api.audit;
