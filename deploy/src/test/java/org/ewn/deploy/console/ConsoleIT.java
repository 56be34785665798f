package org.ewn.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liaison officer's console in a real browser against the all-in-one network: signing in, alerts arriving live,
 * acknowledging with the agency's key loaded into the browser, the originator's board, raising an alert, and the
 * Russian interface.
 */
class ConsoleIT extends ConsoleInBrowser {

    @Test
    void officerSeesAlertLiveAndAcknowledgesItInOneClick() {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        browser.screenshot("01-signed-in");
        browser.script("window.notReloaded = true;");

        String title = unique("Child reported missing near Termez");
        String alertId = hub.raise("KZ-DEMO", List.of("UZ", "TJ"), title).get("alertId").asText();

        WebElement item = browser.alertItem(title);
        assertThat(browser.script("return window.notReloaded === true")).as("arrived without a reload").isEqualTo(true);
        assertThat(item.getAttribute("class")).contains("p-FLASH").contains("fresh");
        assertThat(browser.driver.findElement(By.id("flash-banner")).getText()).contains(title);
        browser.screenshot("02-alert-arrived-live");

        loadSigningKey("UZ-DEMO");
        item.click();
        browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().equals(title));
        browser.driver.findElement(By.id("acknowledge")).click();
        browser.waitUntil(d -> d.findElement(By.id("action-status")).getAttribute("class").contains("ok")
                               && d.findElements(By.id("acknowledge")).isEmpty());
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.cssSelector("#detail .detail-head .state")).getText()))
                .isEqualTo("Acknowledged");
        browser.screenshot("03-acknowledged-in-one-click");
        // the history is drawn again as live messages come, so each step is read in one go
        By raised = By.cssSelector("#history li.step-RAISED .sig");
        assertThat(browser.<String>waitUntil(d -> d.findElement(raised).getAttribute("class"))).contains("sig-VERIFIED");
        assertThat(browser.<String>waitUntil(d -> d.findElement(raised).getText()))
                .contains("verified").contains("KZ-DEMO").contains("CN=KZ-DEMO");
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.cssSelector("#history li.step-ACKNOWLEDGED .sig"))
                .getText())).contains("verified").contains("UZ-DEMO");

        JsonNode seenByOriginator = hub.get("/api/v1/inbox/alerts/" + alertId, "kz-officer");
        assertThat(seenByOriginator.get("board").findValuesAsText("state")).contains("ACKNOWLEDGED");
        assertThat(seenByOriginator.get("acknowledgements").get(0).get("agency").asText()).isEqualTo("UZ-DEMO");

        browser.signIn("kz-officer", Hub.DEMO_PASSWORD);
        browser.open("#/alerts/" + alertId);
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.cssSelector("#board tr[data-member='UZ']"))
                .getAttribute("class"))).isEqualTo("board-ACKNOWLEDGED");
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.cssSelector("#board tr[data-member='TJ']"))
                .getAttribute("class"))).isEqualTo("board-DELIVERED");
        browser.screenshot("04-originator-board");

        browser.open("");
        Select box = new Select(browser.waitFor(By.id("filter-box")));
        box.selectByValue("SENT");
        browser.alertItem(title);
        browser.screenshot("04b-sent-by-us");
        box.selectByValue("RECEIVED");
        browser.waitUntil(d -> !browser.listShows(title));
        assertThat(box.getFirstSelectedOption().getAttribute("value")).isEqualTo("RECEIVED");
    }

    @Test
    void officerOfAMemberNotAddressedNeverSeesTheAlert() {
        browser.signIn("kg-officer", Hub.DEMO_PASSWORD);
        String elsewhere = unique("For Uzbekistan only");
        String elsewhereId = hub.raise("KZ-DEMO", List.of("UZ"), elsewhere).get("alertId").asText();
        String ours = unique("For Kyrgyzstan");
        hub.raise("KZ-DEMO", List.of("KG"), ours);

        // pushes follow the log's order: once the later alert is here, the earlier one would have come first
        browser.alertItem(ours);
        assertThat(browser.listShows(elsewhere)).isFalse();
        browser.signIn("kg-officer", Hub.DEMO_PASSWORD);
        browser.alertItem(ours);
        assertThat(browser.listShows(elsewhere)).isFalse();
        browser.screenshot("05-not-addressed-not-seen");

        browser.open("#/alerts/" + elsewhereId);
        browser.waitUntil(d -> d.findElement(By.cssSelector("#detail .error")).getText()
                .contains("not in your member"));
        assertThat(browser.driver.findElement(By.id("detail")).getText()).doesNotContain(elsewhere);
    }

    @Test
    void officerRaisesAnAlertThatReachesItsAddressee() {
        browser.signIn("tj-officer", Hub.DEMO_PASSWORD);
        loadSigningKey("TJ-DEMO");
        browser.open("#/raise");
        String title = unique("Exercise: cyber incident at the border service");
        browser.type(By.id("raise-title-input"), title);
        browser.type(By.id("raise-text"), "Drill. Ransomware on the border service's terminals.");
        new Select(browser.driver.findElement(By.id("raise-category"))).selectByValue("CYBER_INCIDENT");
        new Select(browser.driver.findElement(By.id("raise-precedence"))).selectByValue("IMMEDIATE");
        new Select(browser.driver.findElement(By.id("raise-marking"))).selectByValue("GREEN");
        new Select(browser.driver.findElement(By.id("raise-status"))).selectByValue("EXERCISE");
        browser.waitFor(By.cssSelector("#raise-members input[value='UZ']")).click();
        browser.screenshot("06-raise-form");
        browser.driver.findElement(By.cssSelector("#raise-form button[type=submit]")).click();

        browser.waitUntil(d -> d.getCurrentUrl().contains("#/alerts/"));
        String alertId = browser.driver.getCurrentUrl().replaceAll(".*#/alerts/", "");
        browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().equals(title));
        browser.waitUntil(d -> d.findElement(By.cssSelector("#detail .drill-banner")).getText().contains("EXERCISE"));
        browser.screenshot("07-raised-from-console");

        JsonNode received = browser.waitUntil(d -> hub.get("/api/v1/inbox/alerts/" + alertId, "uz-officer"));
        assertThat(received.get("title").asText()).isEqualTo(title);
        assertThat(received.get("originator").asText()).isEqualTo("TJ-DEMO");
        assertThat(received.get("precedence").asText()).isEqualTo("IMMEDIATE");
        assertThat(received.get("details").get("marking").asText()).isEqualTo("GREEN");
        assertThat(received.get("details").get("status").asText()).isEqualTo("EXERCISE");
        assertThat(hub.get("/api/v1/inbox/alerts/" + alertId, "kg-officer")).as("not addressed to KG").isNull();
    }

    @Test
    void officerWorksTheInboxFromTheKeyboard() {
        browser.signIn("tj-officer", Hub.DEMO_PASSWORD);
        loadSigningKey("TJ-DEMO");
        String title = unique("Keyboard: border post reports a convoy");
        String alertId = hub.raise("KZ-DEMO", List.of("TJ"), title).get("alertId").asText();
        browser.alertItem(title);

        Actions keys = new Actions(browser.driver);
        keys.sendKeys("/").perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("filter-q");
        keys.sendKeys(Keys.ESCAPE).sendKeys("j").perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("data-alert-id")).isEqualTo(alertId);
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().equals(title));
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/alerts/" + alertId);
        keys.sendKeys("a").perform();
        browser.waitUntil(d -> d.findElement(By.cssSelector("#detail .detail-head .state")).getText()
                .equals("Acknowledged"));
        assertThat(hub.get("/api/v1/inbox/alerts/" + alertId, "kz-officer").get("board").findValuesAsText("state"))
                .containsExactly("ACKNOWLEDGED");
        browser.screenshot("09-keyboard-acknowledged");
    }

    @Test
    void whatOtherStatesWriteIsShownAsTextAndNeverRuns() {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        String title = unique("<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>");
        String alertId = hub.raise("KZ-DEMO", List.of("UZ"), title).get("alertId").asText();

        browser.alertItem(title);
        browser.open("#/alerts/" + alertId);
        browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().equals(title));
        assertThat(browser.script("return window.pwned === undefined && document.querySelectorAll("
                                  + "'#main img, #main script, #flash-banner img').length === 0")).isEqualTo(true);
        // nothing inline either, so a Content-Security-Policy of script-src 'self' holds
        assertThat(browser.script("return Array.from(document.scripts).every(s => s.src) && Array.from("
                                  + "document.querySelectorAll('*')).every(e => !e.getAttributeNames()"
                                  + ".some(n => n.startsWith('on')))")).isEqualTo(true);
    }

    @Test
    void switchesToRussianAndRemembersIt() {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        try {
            new Select(browser.driver.findElement(By.id("language"))).selectByValue("ru");
            assertThat(browser.driver.findElement(By.cssSelector("#tabs a[data-view='inbox']")).getText())
                    .isEqualTo("Входящие");
            assertThat(browser.driver.findElement(By.id("connection-text")).getText()).isEqualTo("на связи");
            assertThat(browser.driver.findElement(By.cssSelector("#filter-state option")).getText()).isEqualTo("Все");
            browser.screenshot("08-russian");

            // a reload keeps the session and the language
            browser.driver.navigate().refresh();
            browser.waitUntil(d -> d.findElement(By.id("connection")).getAttribute("class").contains("online"));
            assertThat(browser.driver.findElement(By.cssSelector(".brand .name")).getText())
                    .isEqualTo("Сеть раннего предупреждения");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ru");
            assertThat(browser.driver.findElement(By.id("connection-text")).getText()).isEqualTo("на связи");
        } finally {
            new Select(browser.driver.findElement(By.id("language"))).selectByValue("en");
        }
    }

    /** Loads the agency's PEM key once in this browser, as an officer does through the key button. */
    private void loadSigningKey(String agency) {
        WebElement button = browser.waitFor(By.id("key-button"));
        if (button.getText().contains(agency)) {
            return;
        }
        button.click();
        browser.driver.findElement(By.id("key-file")).sendKeys(Hub.signingKeyPem(agency).toString());
        browser.waitUntil(d -> d.findElement(By.id("key-button")).getText().contains(agency));
        assertThat(browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "Ewn.jws.keyStore.get(Ewn.api.state.session.member).then(k => done(k.privateKey.extractable));"))
                .as("the key is kept non-extractable").isEqualTo(false);
    }
}
