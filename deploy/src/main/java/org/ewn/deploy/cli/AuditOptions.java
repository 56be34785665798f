package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * What the audit commands share: the hub and an account to read with, the certificates a tree head is checked
 * with, and the file of heads seen before. {@link #verifiedHead()} fetches the hub's current head, verifies it and,
 * with {@code --state}, that it extends the last head seen there, by a consistency proof from the hub.
 */
final class AuditOptions {

    static final String DEFAULT_PASSWORD_VARIABLE = "EWN_PASSWORD";
    static final String TREE_HEAD_PATH = "/api/v1/audit/tree-head";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--hub", paramLabel = "URL",
            description = "The hub's base URL, such as http://localhost:8080.")
    String hub;

    @Option(names = "--user", paramLabel = "ACCOUNT",
            description = "The account to read with (any account may read tree heads and proofs).")
    String user;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = DEFAULT_PASSWORD_VARIABLE,
            description = "The environment variable holding the account's password (default ${DEFAULT-VALUE}); "
                    + "without it, in a terminal, you are asked.")
    String passwordVariable;

    @Option(names = "--hub-certificate", paramLabel = "HUB.pem",
            description = "The hub's certificate (PEM, leaf first) (default: fetched from the hub at "
                    + HubOptions.HUB_CERTIFICATE_PATH + ").")
    Path hubCertificate;

    @Option(names = "--root-certificate", paramLabel = "ROOT.crt",
            description = "The network's root certificate (PEM): the hub's certificate must chain to it.")
    Path rootCertificate;

    @Option(names = "--state", paramLabel = "FILE",
            description = "A JSON file of the tree heads seen so far: a new head must extend the last one, and is "
                    + "added to it once it does.")
    Path state;

    private final CliEnvironment environment;
    private final KeyFiles files;
    private HubClient client;
    private List<X509Certificate> hubChain;
    private X509Certificate root;

    AuditOptions(CliEnvironment environment) {
        this.environment = environment;
        this.files = new KeyFiles(environment);
    }

    HubClient client() {
        if (hub == null || user == null) {
            throw CliFailure.usage("--hub URL and --user ACCOUNT are needed to read from the hub");
        }
        if (client == null) {
            client = new HubClient(hub, "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + new String(password())).getBytes(StandardCharsets.UTF_8)));
        }
        return client;
    }

    List<X509Certificate> hubChain() {
        if (hubChain == null) {
            hubChain = hubCertificate != null ? files.certificates(hubCertificate)
                    : KeyFiles.pemCertificates(client().get(HubOptions.HUB_CERTIFICATE_PATH),
                            "the hub's answer to " + HubOptions.HUB_CERTIFICATE_PATH);
            if (rootCertificate == null) {
                command.commandLine().getErr().println("note: " + (hubCertificate == null
                        ? "the hub's certificate came from the hub itself" : "the hub's certificate is taken as given")
                        + "; pass --root-certificate to check that the network's root certified it");
            }
        }
        return hubChain;
    }

    X509Certificate root() {
        if (root == null && rootCertificate != null) {
            root = files.certificates(rootCertificate).get(0);
        }
        return root;
    }

    /** The hub's current tree head, verified, and consistent with the last head in {@code --state}, if given. */
    TreeHeads.Head verifiedHead() {
        JsonNode answer = json(client().get(TREE_HEAD_PATH), TREE_HEAD_PATH);
        String jws = Json.text(answer, "treeHead");
        if (jws == null) {
            throw new CliFailure("the hub's answer to " + TREE_HEAD_PATH + " has no treeHead");
        }
        TreeHeads.Head head = TreeHeads.verify(jws, hubChain(), root());
        if (state != null) {
            SeenHeads seen = SeenHeads.open(state, hubChain(), root());
            seen.last(hubChain(), root()).ifPresent(last -> requireExtends(last, head));
            seen.add(head);
        }
        return head;
    }

    private void requireExtends(TreeHeads.Head last, TreeHeads.Head head) {
        if (head.treeSize() < last.treeSize()) {
            throw inconsistent("the hub's log has " + head.treeSize() + " entries, fewer than the "
                    + last.treeSize() + " of a head it signed before (" + last.timestamp() + ")");
        }
        if (head.treeSize() == last.treeSize()) {
            if (!head.rootHex().equals(last.rootHex())) {
                throw inconsistent("the hub signed two different root hashes for " + head.treeSize() + " entries: "
                        + last.rootHex() + " and " + head.rootHex());
            }
            return;
        }
        String path = "/api/v1/audit/proofs/consistency?from=" + last.treeSize() + "&to=" + head.treeSize();
        List<byte[]> proof = hashes(json(client().get(path), path), "proof");
        if (!org.ewn.transparency.ProofVerifier.verifyConsistency(last.treeSize(), head.treeSize(), last.rootHash(),
                head.rootHash(), proof)) {
            throw inconsistent("the hub's consistency proof from " + last.treeSize() + " to " + head.treeSize()
                    + " entries does not verify: the log it signs now does not extend the one it signed before");
        }
        command.commandLine().getOut().println("consistent with the head of " + last.treeSize() + " entries seen "
                + "before (signed " + last.timestamp() + ")");
    }

    private CliFailure inconsistent(String reason) {
        return new CliFailure("WARNING: " + reason + "; " + state + " is left unchanged");
    }

    static JsonNode json(String text, String what) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new CliFailure("the hub's answer to " + what + " is not JSON", e);
        }
    }

    static List<byte[]> hashes(JsonNode answer, String field) {
        JsonNode array = answer.get(field);
        if (array == null || !array.isArray()) {
            throw new CliFailure("the hub's answer has no \"" + field + "\" list");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode element : array) {
            try {
                hashes.add(HexFormat.of().parseHex(element.asText()));
            } catch (IllegalArgumentException e) {
                throw new CliFailure("the hub's " + field + " holds something other than hex: " + element);
            }
        }
        return hashes;
    }

    private char[] password() {
        String value = environment.variable(passwordVariable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        if (environment.prompt() == null) {
            throw new CliFailure("no password for " + user + ": set the environment variable " + passwordVariable
                    + ", or run in a terminal to be asked");
        }
        char[] answer = environment.prompt().ask("Password of " + user + " at " + hub + ": ");
        if (answer == null || answer.length == 0) {
            throw new CliFailure("no password given");
        }
        return answer;
    }
}
