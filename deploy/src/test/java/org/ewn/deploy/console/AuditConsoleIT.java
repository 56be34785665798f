package org.ewn.deploy.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's view in a real browser: a member's inbox, and one of its alerts with its signed history, as they
 * were at a moment before and after the alert was raised; the hub's refusals in words; and no such view for an
 * officer.
 */
class AuditConsoleIT extends ConsoleInBrowser {

    @Test
    void auditorSeesAnInboxAndAnAlertAsTheyWereAtAMoment() throws InterruptedException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String title = "Audit <i>convoy</i> near Khorgos " + UUID.randomUUID().toString().substring(0, 8);
        String alertId = hub.raise("KZ-DEMO", List.of("UZ"), title).get("alertId").asText();
        Instant after = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), after).toMillis() + 100));

        signInAsAuditor("kz-auditor");
        assertThat(browser.driver.findElement(By.cssSelector("#tabs a[data-view='audit']")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("#tabs a[data-view='inbox']")).isDisplayed())
                .as("an auditor does not work the inbox").isFalse();
        assertThat(browser.driver.findElement(By.id("view-inbox")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("key-button")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("connection")).isDisplayed()).isFalse();

        assertThat(browser.<String>waitUntil(d -> {
            String member = d.findElement(By.id("audit-member")).getAttribute("value");
            return member.isEmpty() ? null : member;
        })).as("the auditor's own member to start with").isEqualTo("KZ");
        ask("KZ", after, "SENT");
        assertThat(auditItem(title).getText()).contains("Sent → UZ").contains("Sent · 0/1 acknowledged");

        ask("UZ", after, "RECEIVED");
        WebElement item = auditItem(title);
        assertThat(item.getText()).contains("FLASH").contains("TLP:AMBER").contains("Missing or at-risk child")
                .contains("Awaiting acknowledgement").contains("KZ-DEMO").contains(" UTC");
        assertThat(browser.driver.findElement(By.id("audit-summary")).getText()).contains("UZ").contains("Received");
        browser.screenshot("audit-01-inbox-after");

        ask("UZ", before, "RECEIVED");
        assertThat(listShows(title)).as("not yet raised at the earlier moment").isFalse();
        browser.screenshot("audit-02-inbox-before");

        ask("UZ", after, "RECEIVED");
        auditItem(title).click();
        browser.waitUntil(d -> d.findElement(By.id("audit-detail-title")).getText().equals(title));
        assertThat(browser.driver.getCurrentUrl()).contains("alert=" + alertId);
        assertThat(browser.driver.findElement(By.cssSelector("#audit-detail .audit-as-of")).getText())
                .contains("UZ").contains(" UTC");
        WebElement raised = browser.waitFor(By.cssSelector("#audit-history li.step-RAISED"));
        assertThat(raised.findElement(By.cssSelector(".sig")).getAttribute("class")).contains("sig-VERIFIED");
        assertThat(raised.getText()).contains("Raised by KZ-DEMO").contains("verified").contains("CN=KZ-DEMO")
                .contains(" UTC");
        assertThat(browser.script("return document.querySelectorAll('#view-audit i, #view-audit script').length"))
                .as("titles are text, never markup").isEqualTo(0L);
        browser.screenshot("audit-03-alert-as-it-was");

        // the same alert asked for at the earlier moment: the hub's 404, in words and with its detail
        browser.open("#/audit?member=UZ&at=" + before + "&box=RECEIVED&alert=" + alertId);
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.id("audit-detail-error")).getText()))
                .contains("UZ's inbox did not hold this alert").contains("could not see alert " + alertId);

        // a moment the hub cannot read: its 400, with its detail
        browser.open("#/audit?member=UZ&at=yesterday&box=RECEIVED");
        assertThat(browser.<String>waitUntil(d -> {
            String error = d.findElement(By.id("audit-error")).getText();
            return error.isEmpty() ? null : error;
        })).contains("cannot answer").contains("ISO-8601");
        browser.screenshot("audit-04-refused");
    }

    @Test
    void anOfficerHasNoAuditView() {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        assertThat(browser.driver.findElement(By.cssSelector("#tabs a[data-view='audit']")).isDisplayed()).isFalse();
        browser.open("#/audit?member=KZ&at=" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "&box=RECEIVED");
        browser.waitFor(By.id("view-inbox"));
        assertThat(browser.driver.findElement(By.id("view-audit")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("audit-list")).findElements(By.tagName("li"))).isEmpty();
    }

    /** Signs in on the console's form; an auditor has no live connection to wait for, but the Audit view. */
    private void signInAsAuditor(String username) {
        browser.open("");
        WebElement signOut = browser.driver.findElement(By.id("sign-out"));
        browser.waitUntil(d -> d.findElement(By.id("sign-in")).isDisplayed() || signOut.isDisplayed());
        if (signOut.isDisplayed()) {
            signOut.click();
            browser.waitFor(By.id("username"));
        }
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), Hub.DEMO_PASSWORD);
        browser.driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        browser.waitFor(By.id("view-audit"));
    }

    /** Asks in the form for the member's received or sent alerts at the moment, and waits for the hub's answer. */
    private void ask(String member, Instant moment, String box) {
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#audit-member option[value='" + member + "']")).isEmpty());
        new Select(browser.driver.findElement(By.id("audit-member"))).selectByValue(member);
        browser.script("arguments[0].value = arguments[1];", browser.driver.findElement(By.id("audit-at")),
                moment.toString().replace("Z", ""));
        new Select(browser.driver.findElement(By.id("audit-box"))).selectByValue(box);
        browser.driver.findElement(By.cssSelector("#audit-form button[type=submit]")).click();
        By answered = By.cssSelector("#audit-list[data-member='" + member + "'][data-box='" + box + "'][data-as-of='"
                + moment + "']");
        browser.waitUntil(d -> !d.findElements(answered).isEmpty());
        assertThat(browser.driver.getCurrentUrl()).contains("at=" + URLEncoder.encode(moment.toString(),
                StandardCharsets.UTF_8)).contains("member=" + member);
    }

    private WebElement auditItem(String title) {
        return browser.waitFor(By.xpath("//ul[@id='audit-list']/li[.//span[@class='title' and text()="
                + literal(title) + "]]"));
    }

    private boolean listShows(String title) {
        return !browser.driver.findElements(By.xpath("//ul[@id='audit-list']/li[.//span[@class='title' and text()="
                + literal(title) + "]]")).isEmpty();
    }

    private static String literal(String text) {
        return "'" + text + "'";
    }
}
