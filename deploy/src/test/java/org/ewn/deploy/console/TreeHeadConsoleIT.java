package org.ewn.deploy.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Merkle hashing and RFC 9162 consistency proofs, checked in the browser against RFC 6962 test vectors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + Hub.DEMO_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TreeHeadConsoleIT {

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
}
