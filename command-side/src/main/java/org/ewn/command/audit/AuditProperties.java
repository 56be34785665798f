package org.ewn.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The transparency log ({@code ewn.audit.*}).
 *
 * @param treeHeadInterval how often the hub signs a tree head, if the log grew since the last one
 * @param followInterval   how often the tree takes in what was logged since
 */
@ConfigurationProperties("ewn.audit")
record AuditProperties(@DefaultValue("1m") Duration treeHeadInterval,
                       @DefaultValue("500ms") Duration followInterval) {
}
