package org.ewn.deploy.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** @param dir where the all-in-one application keeps the embedded store and the demo credentials */
@ConfigurationProperties("ewn.data")
public record DataProperties(@DefaultValue("data") Path dir) {
}
