/** Sealed content: a payload encrypted to a few agencies' X25519 keys as a JWE that the hub routes but cannot read. */
package org.ewn.seal;
