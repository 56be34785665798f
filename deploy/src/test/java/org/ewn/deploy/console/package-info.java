/** The web console driven in a real browser (headless Chromium) against the all-in-one network. */
package org.ewn.deploy.console;
