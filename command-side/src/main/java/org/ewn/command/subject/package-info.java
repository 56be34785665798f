/**
 * Data subjects on the command side: personal data taken in with its keys, erasure on a signed request and by the
 * retention policy, and the destruction of keys that follows every erasure.
 */
package org.ewn.command.subject;
