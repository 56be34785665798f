/** What every event born of a signed submission keeps about it, so that it can be verified again at any time. */
package org.ewn.api.submission;
