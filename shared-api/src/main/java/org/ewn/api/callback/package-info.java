/** Where the hub calls an agency back: its registered callback URL, changed only by signed submissions. */
package org.ewn.api.callback;
