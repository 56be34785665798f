package org.ewn.deploy.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  set up the demo network on first start (turn off for a real network)
 * @param password one password for every demo account; empty means a random one per account
 */
@ConfigurationProperties("ewn.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, String password) {
}
