package org.ewn.deploy;

import org.ewn.deploy.cli.Ewn;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Starts the whole network in one process: the command side, the query side and, unless a MongoDB is
 * configured, the embedded store. The sides' own application classes are left out of the scan, as
 * they would enable auto-configuration a second time.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.ewn.deploy", "org.ewn.command", "org.ewn.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.ewn\\.(command|query)\\.[A-Za-z]+SideApplication"))
public class NetworkApplication {

    public static void main(String[] args) {
        // the command-line client shares the jar but not the hub: it runs without starting Spring
        if (Ewn.handles(args)) {
            System.exit(Ewn.run(args));
        }
        SpringApplication.run(NetworkApplication.class, args);
    }
}
