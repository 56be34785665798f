/** Questions about a member's inbox and the shapes of their answers. */
package org.ewn.api.inbox;
