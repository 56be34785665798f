package org.ewn.deploy.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own signer, run in the browser with WebCrypto, makes the README's worked example byte for byte from
 * the Ed25519 key of RFC 8037 Appendix A.1, loaded from a PEM file the way an officer loads the agency's key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + Hub.DEMO_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSigningIT {

    private static final String RFC_8037_PRIVATE_KEY = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    /** PKCS#8 of an Ed25519 key, up to the 32 bytes of its seed (RFC 8410 section 7). */
    private static final String ED25519_PKCS8_PREFIX = "302e020100300506032b657004220420";

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void signsTheReadmesWorkedExampleByteForByte() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String jws = find(readme, "\\n(eyJhbGciOiJFZERTQSIs[A-Za-z0-9_.-]+)\\n");
        String kid = find(readme, "kid\\s+(\\S+)\\n");
        byte[] pkcs8 = HexFormat.of().parseHex(ED25519_PKCS8_PREFIX + HexFormat.of().formatHex(
                Base64.getUrlDecoder().decode(RFC_8037_PRIVATE_KEY)));

        browser.open("");
        Map<String, Object> signed = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                    const key = await Ewn.jws.importPem(arguments[0]);
                    const payload = {type: 'alert.raise', network: 'EWN',
                        submissionId: '3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11', agency: 'KZ-DEMO',
                        issuedAt: Ewn.jws.issuedAt(new Date(Date.UTC(2026, 10, 26, 9, 30, 0, 457))),
                        body: {addressees: ['UZ', 'TJ'], precedence: 'FLASH', category: 'MISSING_OR_AT_RISK_CHILD',
                            title: 'Child reported missing near the border', text: 'Last seen at the crossing this morning'}};
                    // through IndexedDB, as the console keeps it
                    await Ewn.jws.keyStore.put({member: 'RFC-8037', agency: 'KZ-DEMO', alg: key.alg, kid: key.kid,
                        privateKey: key.privateKey, loadedAt: ''});
                    const stored = await Ewn.jws.keyStore.get('RFC-8037');
                    await Ewn.jws.keyStore.remove('RFC-8037');
                    done({kid: key.kid, jws: await Ewn.jws.sign(stored, payload),
                        extractable: stored.privateKey.extractable});
                })().catch((e) => done({error: String(e)}));
                """, Hub.pem(pkcs8));

        assertThat(signed.get("error")).isNull();
        assertThat(signed.get("kid")).isEqualTo(kid).isEqualTo("BuP9j9opu2CrWVV95h7bCuzbIxE0vjDnW0Vfjht5L6k");
        assertThat(signed.get("jws")).isEqualTo(jws);
        assertThat(signed.get("extractable")).isEqualTo(false);
    }

    @Test
    void canonicalizesAsRfc8785() {
        browser.open("");
        String script = "return Ewn.jws.canonicalize(JSON.parse(arguments[0]));";
        // RFC 8785 section 3.2.2's example: numbers and strings as ECMAScript serializes them
        assertThat(browser.script(script, """
                {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                 "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                 "literals": [null, true, false]}""")).isEqualTo("""
                {"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],\
                "string":"€$\\u000f\\nA'B\\"\\\\\\\\\\"/"}""");
        // section 3.2.3's: properties sorted by their names' UTF-16 code units
        String sorted = (String) browser.script(script, """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
                 "\\u00f6": "Latin Small Letter O With Diaeresis"}""");
        List<String> inOrder = List.of("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
        assertThat(inOrder.stream().map(sorted::indexOf).toList()).isSorted().doesNotContain(-1);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

}
