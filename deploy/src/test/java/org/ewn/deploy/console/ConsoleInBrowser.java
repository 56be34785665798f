package org.ewn.deploy.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every console test shares: the network the other ITs share, one browser for the class, and at the end the check
 * that the hub's Content-Security-Policy allowed everything the console did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + Hub.DEMO_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleInBrowser {

    @LocalServerPort
    int port;

    Browser browser;
    Hub hub;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
        hub = new Hub(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            try {
                assertThat(browser.console()).as("the hub's Content-Security-Policy allows all the console does")
                        .doesNotContain("Content Security Policy");
            } finally {
                browser.close();
            }
        }
    }

    /** A title no other test uses, so that a test finds its own alert among those of the shared network. */
    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
