package org.ewn.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.subject.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealed texts and the people alerts are about, in the console: a TLP:RED alert raised in the browser is sealed to
 * the addressees' encryption keys by default, so the hub stores only the JWE; the addressee's officer opens it with
 * the agency's encryption PEM; a member not addressed never gets it. The detail shows a subject's personal data.
 */
class SealConsoleIT extends ConsoleInBrowser {

    private static final String TEXT = "Informant: the courier crosses at Zhibek Zholy on Thursday, 06:00.\n<b>not bold</b>";

    @Test
    void redAlertIsSealedToTheAddresseeWhoOpensItInTheBrowser() {
        browser.signIn("kz-officer", Hub.DEMO_PASSWORD);
        loadSigningKey("KZ-DEMO");
        browser.open("#/raise");
        String title = unique("Courier crossing");
        browser.type(By.id("raise-title-input"), title);
        browser.type(By.id("raise-text"), TEXT);
        WebElement sealed = browser.driver.findElement(By.id("raise-sealed"));
        assertThat(sealed.isSelected()).as("TLP:AMBER is not sealed by default").isFalse();
        new Select(browser.driver.findElement(By.id("raise-marking"))).selectByValue("RED");
        assertThat(sealed.isSelected()).as("TLP:RED is sealed by default").isTrue();
        browser.waitFor(By.cssSelector("#raise-members input[value='UZ']")).click();
        browser.screenshot("20-raise-sealed");
        browser.driver.findElement(By.cssSelector("#raise-form button[type=submit]")).click();

        browser.waitUntil(d -> d.getCurrentUrl().contains("#/alerts/"));
        String alertId = browser.driver.getCurrentUrl().replaceAll(".*#/alerts/", "");
        browser.waitUntil(d -> d.findElement(By.id("detail-title")).getText().equals(title));
        assertThat(browser.driver.findElement(By.cssSelector("#detail .sealed-badge")).getText()).contains("Sealed");

        JsonNode stored = browser.waitUntil(d -> hub.get("/api/v1/inbox/alerts/" + alertId, "uz-officer"));
        assertThat(stored.get("sealed").asBoolean()).isTrue();
        assertThat(stored.get("text").isNull()).as("no text in clear").isTrue();
        assertThat(stored.toString()).doesNotContain("Zhibek");
        assertThat(stored.path("sealedText").path("recipients").findValuesAsText("kid")).as(stored.toString())
                .contains(encryptionKid("UZ-DEMO"));
        assertThat(hub.get("/api/v1/inbox/alerts/" + alertId, "tj-officer")).as("not addressed to TJ").isNull();

        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        assertThat(browser.alertItem(title).findElement(By.cssSelector(".sealed-badge")).isDisplayed()).isTrue();
        browser.open("#/alerts/" + alertId);
        browser.waitFor(By.id("open-sealed")).click();
        // no encryption key in this browser yet: the key dialog asks for it, then the text opens
        browser.waitFor(By.id("encryption-key-file")).sendKeys(Hub.encryptionKeyPem("UZ-DEMO").toString());
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.id("sealed-text")).getText()))
                .isEqualTo(TEXT);
        assertThat(browser.script("return document.querySelectorAll('#sealed-text b').length")).isEqualTo(0L);
        assertThat(browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "Ewn.jws.encryptionKeyStore.get('UZ').then(k => done(k.privateKey.extractable));"))
                .as("the key is kept non-extractable").isEqualTo(false);
        browser.screenshot("21-sealed-text-opened");
    }

    @Test
    void detailShowsThePersonTheAlertIsAbout() {
        String name = "Aigerim Sealconsoleitova";
        String title = unique("Child to be met at the border");
        PersonalData child = new PersonalData(name, List.of("Aygerim S."), "2016-04", "F", List.of("KZ"),
                List.of(new PersonalData.IdentityDocument("birth certificate", "BC-4410-SCIT", "KZ")),
                "Travels with her aunt", null);
        String alertId = hub.raiseAbout("KZ-DEMO", List.of("UZ"), title, child).get("alertId").asText();

        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        browser.alertItem(title);
        browser.open("#/alerts/" + alertId);
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.cssSelector("#subjects .person-name")).getText()))
                .isEqualTo(name);
        String person = browser.driver.findElement(By.id("subjects")).getText();
        assertThat(person).contains("Aygerim S.", "2016-04", "female", "KZ", "birth certificate BC-4410-SCIT (KZ)",
                "Travels with her aunt");
        browser.screenshot("22-person-concerned");
    }

    private String encryptionKid(String agency) {
        JsonNode keys = hub.get("/api/v1/agencies/" + agency, "uz-officer").get("keys");
        return StreamSupport.stream(keys.spliterator(), false)
                .filter(k -> k.get("purpose").asText().equals("ENCRYPTION") && k.get("status").asText().equals("ACTIVE"))
                .map(k -> k.get("keyId").asText()).findFirst().orElseThrow();
    }

    /** Loads the agency's PEM signing key once in this browser, as an officer does through the key button. */
    private void loadSigningKey(String agency) {
        WebElement button = browser.waitFor(By.id("key-button"));
        if (button.getText().contains(agency)) {
            return;
        }
        button.click();
        browser.driver.findElement(By.id("key-file")).sendKeys(Hub.signingKeyPem(agency).toString());
        browser.waitUntil(d -> d.findElement(By.id("key-button")).getText().contains(agency));
    }
}
