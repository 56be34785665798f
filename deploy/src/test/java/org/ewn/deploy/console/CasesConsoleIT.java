package org.ewn.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.subject.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals and case transfers in the console: KZ-DEMO refers a person to UZ-DEMO over the API, and Uzbekistan's
 * officer finds it among the referrals received, sees the person and the summary, and accepts, works and closes it,
 * each step signed in the browser; Tajikistan's officer sees none of it. A transfer's sealed summary opens with the
 * receiving agency's encryption key, the receiver accepts it, and the former holder then sees it read-only.
 */
class CasesConsoleIT extends ConsoleInBrowser {

    @Test
    void receivingAgencyAcceptsWorksAndClosesAReferralInTheConsole() {
        String name = unique("Dilnoza Casesconsoleitova");
        String summary = unique("Returned with her brother; needs counselling and a school place <b>not bold</b>");
        PersonalData person = new PersonalData(name, List.of(), "2012-09", "F", List.of("KZ"), List.of(), null, null);
        String referralId = hub.refer("KZ-DEMO", "UZ-DEMO", summary, person).get("referralId").asText();

        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        browser.open("#/cases");
        assertThat(new Select(browser.waitFor(By.id("case-box"))).getFirstSelectedOption().getText())
                .isEqualTo("Referrals received");
        WebElement item = caseItem(referralId);
        assertThat(item.getText()).contains("Referral from KZ-DEMO").contains("Awaiting answer")
                .as("a list never shows the person").doesNotContain(name);
        item.click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#/cases/referrals/" + referralId));
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.id("case-title")).getText()))
                .isEqualTo("Referral from KZ-DEMO");
        assertThat(browser.waitFor(By.cssSelector("#case-subjects .person-name")).getText()).isEqualTo(name);
        assertThat(browser.driver.findElement(By.id("case-summary")).getText()).isEqualTo(summary);
        assertThat(browser.script("return document.querySelectorAll('#case-detail b, #case-detail script').length"))
                .as("text from another state is inserted as text").isEqualTo(0L);
        assertThat(browser.driver.findElement(By.id("case-facts")).getText())
                .contains("Psychosocial, Education").contains("reintegration");
        assertThat(browser.driver.findElements(By.id("referral-revoke"))).as("only the referrer revokes").isEmpty();
        browser.screenshot("30-referral-received");

        loadSigningKey("UZ-DEMO");
        browser.driver.findElement(By.id("referral-accept")).click();
        awaitStatus(referralId, "ACCEPTED");
        browser.waitFor(By.id("referral-progress")).click();
        awaitStatus(referralId, "IN_PROGRESS");

        browser.waitFor(By.id("referral-close")).click();
        new Select(browser.waitFor(By.id("prompt-outcome"))).selectByValue("PARTLY_DELIVERED");
        browser.type(By.id("prompt-reason"), "Eight sessions held; the school place is still awaited");
        browser.driver.findElement(By.id("prompt-ok")).click();
        JsonNode closed = awaitStatus(referralId, "CLOSED");
        assertThat(closed.get("history").get(3).get("outcome").asText()).isEqualTo("PARTLY_DELIVERED");
        assertThat(closed.get("history").get(3).get("agency").asText()).isEqualTo("UZ-DEMO");

        browser.waitUntil(d -> d.findElements(By.cssSelector("#case-history li")).size() == 4);
        assertThat(browser.driver.findElement(By.id("case-history")).getText())
                .contains("Referred by KZ-DEMO", "Accepted by UZ-DEMO", "In progress at UZ-DEMO", "Closed by UZ-DEMO",
                          "Partly delivered — Eight sessions held");
        assertThat(browser.driver.findElements(By.cssSelector("#case-detail .detail-actions"))).as("a closed referral "
                + "is final").isEmpty();
        assertThat(caseItem(referralId).getText()).as("the list follows").contains("Closed");
        browser.screenshot("31-referral-closed");
    }

    @Test
    void aMemberThatIsNoPartySeesNoReferral() {
        String referralId = hub.refer("KZ-DEMO", "UZ-DEMO", "Not for Tajikistan", new PersonalData(
                unique("Nobody Elsewhereova"), List.of(), "1990-01", "F", List.of("KZ"), List.of(), null, null))
                .get("referralId").asText();

        browser.signIn("tj-officer", Hub.DEMO_PASSWORD);
        browser.open("#/cases");
        browser.waitUntil(d -> d.findElement(By.id("cases-page-info")).getText().contains("0 cases"));
        assertThat(browser.driver.findElements(By.cssSelector("#case-list li"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("cases-empty")).isDisplayed()).isTrue();

        browser.open("#/cases/referrals/" + referralId);
        browser.waitUntil(d -> d.findElement(By.cssSelector("#case-detail .error")).getText()
                .contains("not one of your member"));
        assertThat(browser.driver.findElement(By.id("case-detail")).getText()).doesNotContain("Not for Tajikistan");
    }

    @Test
    void receiverOpensTheSealedSummaryAndAcceptsATransferWhichTheFormerHolderThenOnlyReads() {
        String summary = unique("Returnee family of three; the case file moves with them");
        String transferId = hub.requestTransfer("KZ-DEMO", "KG-DEMO", summary).get("transferId").asText();

        browser.signIn("kg-officer", Hub.DEMO_PASSWORD);
        browser.open("#/cases/transfers/" + transferId);
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.id("case-title")).getText()))
                .isEqualTo("Case transfer KZ-DEMO → KG-DEMO");
        assertThat(new Select(browser.driver.findElement(By.id("case-box"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("TRANSFERS");
        caseItem(transferId);
        assertThat(browser.driver.findElement(By.xpath("//dl[@id='case-facts']/dt[.='Responsible now']"
                + "/following-sibling::dd[1]")).getText()).isEqualTo("KZ-DEMO");
        assertThat(browser.driver.findElement(By.cssSelector("#case-history li.step-REQUESTED")).getText())
                .contains("Transfer requested by KZ-DEMO");

        browser.waitFor(By.id("open-sealed-summary")).click();
        // no encryption key in this browser yet: the key dialog asks for it, then the summary opens
        browser.waitFor(By.id("encryption-key-file")).sendKeys(Hub.encryptionKeyPem("KG-DEMO").toString());
        assertThat(browser.<String>waitUntil(d -> d.findElement(By.id("case-summary")).getText())).isEqualTo(summary);
        browser.screenshot("32-transfer-summary-opened");

        loadSigningKey("KG-DEMO");
        browser.driver.findElement(By.id("transfer-accept")).click();
        JsonNode handedOver = browser.waitUntil(d -> {
            JsonNode seen = hub.get("/api/v1/transfers/" + transferId, "kg-officer");
            return seen != null && seen.get("status").asText().equals("HANDED_OVER") ? seen : null;
        });
        assertThat(handedOver.get("responsible").asText()).isEqualTo("KG-DEMO");

        browser.signIn("kz-officer", Hub.DEMO_PASSWORD);
        browser.open("#/cases/transfers/" + transferId);
        browser.waitUntil(d -> d.findElement(By.cssSelector("#case-detail .detail-head .state")).getText()
                .equals("Handed over"));
        assertThat(browser.waitFor(By.id("read-only")).getText()).isEqualTo("Read-only");
        assertThat(browser.driver.findElement(By.id("case-detail")).getText())
                .contains("KG-DEMO is responsible now");
        assertThat(browser.driver.findElements(By.cssSelector("#case-detail .detail-actions"))).isEmpty();
        List<String> steps = new ArrayList<>();
        browser.driver.findElements(By.cssSelector("#case-history li"))
                .forEach(li -> steps.add(li.getAttribute("class")));
        assertThat(steps).containsExactly("step step-REQUESTED", "step step-ACCEPTED", "step step-HANDED_OVER");
        browser.screenshot("33-transfer-read-only");
    }

    /** The hub's view of the referral once it reaches the status, which the console shows too. */
    private JsonNode awaitStatus(String referralId, String status) {
        JsonNode seen = browser.waitUntil(d -> {
            JsonNode referral = hub.get("/api/v1/referrals/" + referralId, "kz-officer");
            return referral != null && referral.get("status").asText().equals(status) ? referral : null;
        });
        browser.waitUntil(d -> d.findElement(By.id("case-action-status")).getAttribute("class").contains("ok"));
        Object shown = browser.script("return Ewn.i18n.label('referralStatus', arguments[0])", status);
        browser.waitUntil(d -> d.findElement(By.cssSelector("#case-detail .detail-head .state")).getText()
                .startsWith(String.valueOf(shown)));
        return seen;
    }

    private WebElement caseItem(String caseId) {
        return browser.waitFor(By.cssSelector("#case-list li[data-case-id='" + caseId + "']"));
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
