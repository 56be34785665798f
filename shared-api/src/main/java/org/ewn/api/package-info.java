/** Messages and value types that the command side, the query side and agency clients share. */
package org.ewn.api;
