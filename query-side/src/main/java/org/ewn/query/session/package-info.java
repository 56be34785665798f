/** The officers' console signs in and out here, and learns who is signed in. */
package org.ewn.query.session;
