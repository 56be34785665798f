/** The demo network that a first start sets up, so that a newcomer can act at once. */
package org.ewn.deploy.demo;
