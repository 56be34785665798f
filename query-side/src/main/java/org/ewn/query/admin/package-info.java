/** The network administrators' view of the read models: where each stands, and rebuilding one from zero. */
package org.ewn.query.admin;
