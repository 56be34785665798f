package org.ewn.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console keeps the tree heads it has seen and checks each new one against them: RFC 9162 consistency proofs
 * checked in the browser against the RFC 6962 test vectors, an officer's console showing the log verified and its
 * growth proven, and heads of a hub that forked, cut or rewrote its log (or whose head is forged) raising a red
 * warning while the head kept stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + Hub.DEMO_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TreeHeadConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As in shared-api's MerkleVectorsTest: the roots of the RFC 6962 test tree of sizes 1 to 8. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Its leaves' data, hex. */
    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Its known consistency proofs: {size1, size2, proof}. */
    private static final List<List<Object>> CONSISTENCIES = List.of(
            List.of(1, 1, List.of()),
            List.of(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            List.of(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            List.of(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            List.of(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private static final String TREE_HEAD = "/api/v1/audit/tree-head";

    @LocalServerPort
    int port;

    private Browser browser;
    private Hub hub;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
        hub = new Hub(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each test starts from a browser that has kept no head and raised no warning. */
    @BeforeEach
    void forgetHeads() {
        browser.open("");
        browser.script("Object.keys(localStorage).filter((k) => k.startsWith('ewn.tree-heads.'))"
                + ".forEach((k) => localStorage.removeItem(k));");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checksConsistencyProofsInTheBrowserAsRfc9162() throws Exception {
        browser.open("");
        Map<String, Object> results = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const [roots, leaves, vectors] = [arguments[0], arguments[1], arguments[2]];
                const M = Ewn.merkle;
                const bytes = (hex) => M.fromHex(hex);
                // the tree hash of RFC 9162 §2.1.1, split at the largest power of two below n
                async function root(hashes) {
                    if (hashes.length === 1) {
                        return hashes[0];
                    }
                    let k = 1;
                    while (k * 2 < hashes.length) {
                        k *= 2;
                    }
                    return M.node(await root(hashes.slice(0, k)), await root(hashes.slice(k)));
                }
                (async () => {
                    const leafHashes = await Promise.all(leaves.map((data) => M.leaf(bytes(data))));
                    const computedRoots = [];
                    for (let size = 1; size <= leaves.length; size++) {
                        computedRoots.push(M.toHex(await root(leafHashes.slice(0, size))));
                    }
                    const verify = (s1, s2, r1, r2, proof) => M.verifyConsistency(s1, s2, bytes(r1), bytes(r2),
                        proof.map(bytes));
                    const checks = [];
                    for (const [s1, s2, proof] of vectors) {
                        const r1 = roots[s1 - 1];
                        const r2 = roots[s2 - 1];
                        checks.push({vector: s1 + '-' + s2,
                            valid: await verify(s1, s2, r1, r2, proof),
                            swapped: s1 !== s2 && await verify(s1, s2, r2, r1, proof),
                            shortened: proof.length > 0 && await verify(s1, s2, r1, r2, proof.slice(0, -1)),
                            lengthened: await verify(s1, s2, r1, r2, proof.concat([roots[0]])),
                            otherSize: s2 < 8 && await verify(s1, s2 + 1, r1, roots[s2], proof),
                            alteredElement: proof.length > 0 && await verify(s1, s2, r1, r2,
                                [roots[0]].concat(proof.slice(1))),
                            shortElement: proof.length > 0 && await verify(s1, s2, r1, r2,
                                [proof[0].substring(2)].concat(proof.slice(1)))});
                    }
                    done({
                        emptyLeaf: M.toHex(await M.leaf(new Uint8Array(0))),
                        namedLeaf: M.toHex(await M.leaf(new TextEncoder().encode('L123456'))),
                        namedNode: M.toHex(await M.node(new TextEncoder().encode('N123'),
                            new TextEncoder().encode('N456'))),
                        roots: computedRoots,
                        checks: checks,
                        fromEmpty: await M.verifyConsistency(0, 8, new Uint8Array(0), bytes(roots[7]), []),
                        shrinking: await M.verifyConsistency(8, 6, bytes(roots[7]), bytes(roots[5]), [])
                    });
                })().catch((e) => done({error: String(e)}));
                """, ROOTS, LEAVES, CONSISTENCIES);

        assertThat(results.get("error")).isNull();
        assertThat(results.get("emptyLeaf")).isEqualTo(ROOTS.get(0));
        assertThat(results.get("namedLeaf")).isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(results.get("namedNode")).isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
        assertThat(results.get("roots")).as("the roots of sizes 1 to 8").isEqualTo(ROOTS);
        List<Map<String, Object>> checks = (List<Map<String, Object>>) results.get("checks");
        assertThat(checks).hasSize(CONSISTENCIES.size());
        for (Map<String, Object> check : checks) {
            assertThat(check).as("%s", check.get("vector")).containsEntry("valid", true)
                    .containsEntry("swapped", false).containsEntry("shortened", false)
                    .containsEntry("lengthened", false).containsEntry("otherSize", false)
                    .containsEntry("alteredElement", false).containsEntry("shortElement", false);
        }
        assertThat(results).containsEntry("fromEmpty", true).containsEntry("shrinking", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void officerSeesTheLogVerifiedAndItsGrowthProven() {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        long first = verifiedSize();
        Map<String, Object> kept = kept();
        assertThat(kept.get("alarm")).isNull();
        assertThat(((Map<String, Object>) kept.get("largest")).get("rootHash"))
                .isEqualTo(hub.get(TREE_HEAD + "?size=" + first, "uz-officer").get("rootHash").asText());
        browser.screenshot("60-log-verified");

        String title = "Log grows " + UUID.randomUUID().toString().substring(0, 8);
        hub.raise("KZ-DEMO", List.of("UZ"), title);
        browser.alertItem(title);
        // the live message asks for a check, at most one every 10 s: the new head comes with a consistency proof
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> size(largest()) > first);
        long grown = size(largest());
        assertThat(((Map<String, Object>) kept().get("latest")).get("treeSize")).isEqualTo(grown);
        assertThat(kept().get("alarm")).isNull();
        browser.waitUntil(d -> d.findElement(By.id("log-state")).getText().contains("up to " + grown + " events"));
        assertThat(browser.driver.findElement(By.id("log-alarm")).isDisplayed()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void warnsInRedOfAForkedLogAndKeepsTheHeadItHad() throws Exception {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        long size = verifiedSize();
        Map<String, Object> before = largest();
        String otherRoot = "ab".repeat(32);

        // a hub that shows this browser another history of the same length, signed with its own key
        Map<String, Object> outcome = checkWith(Map.of(TREE_HEAD, answer(signedHead(size, otherRoot))));

        assertThat(outcome.get("state")).isEqualTo("alarm");
        String warning = browser.waitFor(By.id("log-alarm")).getText();
        assertThat(warning).contains("not consistent").contains("two different roots")
                .contains(size + " events").contains((String) before.get("rootHash")).contains(otherRoot);
        assertThat(browser.driver.findElement(By.id("log-state")).getText()).contains("FAILED");
        assertThat(largest()).as("the kept head").isEqualTo(before);
        browser.screenshot("61-forked-log-warning");

        // the warning stays until the officer notes it, across a reload and a good head alike
        browser.open("");
        browser.waitUntil(d -> d.findElement(By.id("log-alarm")).isDisplayed());
        browser.script("return Ewn.watch.check();");
        assertThat(browser.waitFor(By.id("log-alarm")).getText()).contains(otherRoot);
        browser.driver.findElement(By.id("log-alarm-noted")).click();
        browser.waitUntil(d -> !d.findElement(By.id("log-alarm")).isDisplayed());
        assertThat(kept().get("alarm")).isNull();
        assertThat(size(largest())).isGreaterThanOrEqualTo(size);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesAForgedACutAndARewrittenHeadWithoutReplacingTheKeptOne() throws Exception {
        browser.signIn("uz-officer", Hub.DEMO_PASSWORD);
        long size = verifiedSize();
        Map<String, Object> before = largest();
        JsonNode real = hub.get(TREE_HEAD + "?size=" + size, "uz-officer");

        // the hub's own head with another root put in: the signature no longer holds
        String[] parts = real.get("treeHead").asText().split("\\.");
        String otherRoot = "cd".repeat(32);
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload(size, otherRoot, real.get("timestamp").asText()).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(judge(Map.of("treeSize", size, "rootHash", otherRoot, "timestamp", real.get("timestamp").asText(),
                "treeHead", altered))).isEqualTo("signature");

        // a signed head that says other than the answer it came in
        Map<String, Object> mismatched = answer(signedHead(size, real.get("rootHash").asText()));
        mismatched.put("treeSize", size + 1);
        assertThat(judge(mismatched)).isEqualTo("content");

        // a smaller log than the one seen
        assertThat(judge(answer(signedHead(size - 1, "ef".repeat(32))))).isEqualTo("shrank");

        // a larger head that the hub's own consistency proof does not tie to the kept one
        hub.raise("KZ-DEMO", List.of("TJ"), "Grows the log " + UUID.randomUUID());
        // a head asked for brings the hub's tree up to the log, so that it can prove sizes up to it
        assertThat(hub.get(TREE_HEAD, "kz-officer").get("treeSize").asLong()).isGreaterThan(size);
        assertThat(judge(answer(signedHead(size + 1, "01".repeat(32))))).isEqualTo("inconsistent");

        assertThat(largest()).as("the kept head").isEqualTo(before);
        Map<String, Object> alarm = (Map<String, Object>) kept().get("alarm");
        assertThat(alarm.get("reason")).isEqualTo("inconsistent");
        assertThat(((Map<String, Object>) alarm.get("kept")).get("rootHash")).isEqualTo(before.get("rootHash"));
        assertThat(((Map<String, Object>) alarm.get("offered")).get("treeSize")).isEqualTo(size + 1);
        browser.script("Ewn.watch.render();");
        assertThat(browser.waitFor(By.id("log-alarm")).getText()).contains("cannot prove")
                .contains((size + 1) + " events").contains("01".repeat(32));
        browser.screenshot("62-rewritten-log-warning");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The size the footer says was verified, once it says so. */
    private long verifiedSize() {
        String text = browser.waitUntil(d -> {
            var line = d.findElement(By.id("log-state"));
            return line.isDisplayed() && line.getAttribute("class").contains("verified") ? line.getText() : null;
        });
        assertThat(text).matches("Log verified up to \\d+ events · .+");
        long size = Long.parseLong(text.replaceAll("\\D*?(\\d+) events.*", "$1"));
        assertThat(size(largest())).isEqualTo(size);
        return size;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> kept() {
        return (Map<String, Object>) browser.script("return Ewn.watch.kept();");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> largest() {
        return (Map<String, Object>) kept().get("largest");
    }

    private static long size(Map<String, Object> head) {
        return head == null ? -1 : ((Number) head.get("treeSize")).longValue();
    }

    /** A check of the hub's current head, the page's fetch answering these paths once each with these bodies. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> checkWith(Map<String, Map<String, Object>> answers) throws Exception {
        return (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const answers = JSON.parse(arguments[0]);
                (async () => {
                    await Ewn.watch.check();
                    const real = window.fetch;
                    window.fetch = (url, init) => {
                        const path = new URL(url, location.href).pathname;
                        if (answers[path]) {
                            const body = JSON.stringify(answers[path]);
                            delete answers[path];
                            return Promise.resolve(new Response(body, {status: 200,
                                headers: {'Content-Type': 'application/json'}}));
                        }
                        return real(url, init);
                    };
                    try {
                        done(await Ewn.watch.check());
                    } finally {
                        window.fetch = real;
                    }
                })().catch((e) => done({error: String(e)}));
                """, JSON.writeValueAsString(answers));
    }

    /** Feeds a head straight to the checker: the reason it is refused for, or its state if it is not. */
    @SuppressWarnings("unchecked")
    private String judge(Map<String, Object> answer) throws Exception {
        Map<String, Object> outcome = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Ewn.heads.judge('EWN', JSON.parse(arguments[0])).then(done, (e) => done({error: String(e)}));
                """, JSON.writeValueAsString(answer));
        assertThat(outcome.get("error")).isNull();
        assertThat(outcome.get("state")).as("%s", outcome).isNotEqualTo("unchecked");
        return outcome.get("alarm") == null ? (String) outcome.get("state")
                : (String) ((Map<String, Object>) outcome.get("alarm")).get("reason");
    }

    /** The answer GET /api/v1/audit/tree-head would give with this head. */
    private static Map<String, Object> answer(String jws) throws Exception {
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("treeSize", payload.get("treeSize").asLong());
        answer.put("rootHash", payload.get("rootHash").asText());
        answer.put("timestamp", payload.get("timestamp").asText());
        answer.put("treeHead", jws);
        return answer;
    }

    private static String payload(long size, String rootHash, String timestamp) {
        return new String(CanonicalJson.canonicalize(("{\"network\":\"EWN\",\"rootHash\":\"" + rootHash
                + "\",\"timestamp\":\"" + timestamp + "\",\"treeSize\":" + size + ",\"type\":\"tree-head\"}")
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** A head signed with the hub's own key, as a hub that rewrote its log would sign it. */
    private static String signedHead(long size, String rootHash) throws Exception {
        char[] password = Files.readString(Hub.DATA.resolve("hub.p12.password")).strip().toCharArray();
        IssuedKey key = KeyStores.load(Hub.DATA.resolve("hub.p12"), password).get("hub");
        return SignedEnvelope.sign(payload(size, rootHash, Instant.now().toString()).getBytes(StandardCharsets.UTF_8),
                KeyIds.of(key.certificate().getPublicKey()), "ewn-tree-head+jws", key.privateKey());
    }
}
