package org.ewn.deploy.cli;

import org.ewn.trust.KeyStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes wrong is said in one line with the right exit code, and no password ever leaves its variable. */
class CliErrorsTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static Path body;

    @BeforeAll
    static void keys() throws IOException {
        pki = new TestPki(directory);
        body = Files.writeString(directory.resolve("body.json"), "{\"title\":\"x\"}");
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        Terminal.Result refused = Terminal.withPassword("not-the-password-123")
                .run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise", body.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: wrong password for key store " + pki.agencyStore)
                .doesNotContain("not-the-password-123").doesNotContain("\tat ");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missingKey = directory.resolve("nowhere.p12");
        Path missingBody = directory.resolve("nowhere.json");

        Terminal.Result noKey = Terminal.withPassword(TestPki.PASSWORD)
                .run("sign", "--key", missingKey.toString(), "--type", "alert.raise", body.toString());
        Terminal.Result noBody = Terminal.withPassword(TestPki.PASSWORD)
                .run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise", missingBody.toString());

        assertThat(noKey.exitCode()).isEqualTo(1);
        assertThat(noKey.err().strip()).isEqualTo("error: no such file: " + missingKey);
        assertThat(noBody.exitCode()).isEqualTo(1);
        assertThat(noBody.err().strip()).isEqualTo("error: no such file: " + missingBody);
    }

    @Test
    void withoutAPasswordOrATerminalItSaysWhereThePasswordGoes() {
        Terminal.Result refused = new Terminal()
                .run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise", body.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("set the environment variable EWN_KEYSTORE_PASSWORD");
    }

    @Test
    void thePasswordMayComeFromAnotherVariable() {
        Terminal.Result signed = new Terminal().variable("KZ_MVD_PASSWORD", TestPki.PASSWORD)
                .run("sign", "--key", pki.agencyStore.toString(), "--password-env", "KZ_MVD_PASSWORD",
                        "--type", "alert.raise", body.toString());

        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        assertThat(signed.out()).startsWith("eyJ");
    }

    @Test
    void aTerminalIsAskedForThePasswordOnceToOpenAndTwiceToCreate() throws IOException {
        List<String> questions = new ArrayList<>();
        Terminal.Result signed = new Terminal()
                .prompt(question -> {
                    questions.add(question);
                    return TestPki.PASSWORD.toCharArray();
                })
                .run("sign", "--key", pki.agencyStore.toString(), "--type", "alert.raise", body.toString());
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        assertThat(questions).containsExactly("Password for the key store " + pki.agencyStore + ": ");

        Path created = directory.resolve("prompted-root.p12");
        questions.clear();
        Terminal.Result root = new Terminal().prompt(question -> {
            questions.add(question);
            return "typed at the terminal".toCharArray();
        }).run("pki", "root", "--out", created.toString());
        assertThat(root.exitCode()).as(root.toString()).isZero();
        assertThat(questions).hasSize(2);
        assertThat(KeyStores.load(created, "typed at the terminal".toCharArray())).containsKey("root");
    }

    @Test
    void twoDifferentNewPasswordsWriteNothing() {
        Path refusedFile = directory.resolve("mistyped.p12");
        AtomicInteger asked = new AtomicInteger();

        Terminal.Result refused = new Terminal()
                .prompt(question -> (asked.incrementAndGet() == 1 ? "first try" : "frist try").toCharArray())
                .run("pki", "root", "--out", refusedFile.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the two passwords for " + refusedFile + " differ");
        assertThat(refusedFile).doesNotExist();
    }

    @Test
    void usageErrorsExitWithTwo() {
        Terminal.Result missingOption = new Terminal().run("pki", "root");
        Terminal.Result unknownOption = new Terminal().run("verify", "--certificat", "x.pem", "y.jws");
        Terminal.Result noSubcommand = new Terminal().run("pki");
        Terminal.Result badCode = new Terminal().run("pki", "agency", "--ca", "ca.p12", "--agency", "mvd",
                "--out", "x.p12");

        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("Missing required option: '--out=FILE.p12'")
                .contains("Try 'ewn pki root --help'");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("'--certificat'").contains("Possible solutions: --certificate");
        assertThat(noSubcommand.exitCode()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing required subcommand");
        assertThat(badCode.exitCode()).isEqualTo(2);
        assertThat(badCode.err()).contains("agency code must look like KZ-MVD: mvd");
    }

    @Test
    void everyCommandHasHelp() {
        List<String> paths = new ArrayList<>();
        collect(Ewn.commandLine(new CliEnvironment(name -> null, null, System.in)), new ArrayList<>(), paths);

        assertThat(paths).contains("pki root", "pki member-ca", "pki agency", "pki administrator", "pki hub", "pki show",
                "sign", "submit", "resubmit", "verify", "verify-receipt", "network found", "member admit",
                "member suspend", "member reinstate", "agency register", "key enrol", "key revoke", "group define", "group dissolve",
                "alert raise");
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            Terminal.Result help = new Terminal().run(args.toArray(new String[0]));
            assertThat(help.exitCode()).as(path).isZero();
            // picocli's own help command says what it does before its usage
            assertThat(help.out()).as(path).startsWith(path.equals("help") ? "Display help information"
                                                               : "Usage: ewn " + path);
            assertThat(help.out()).as(path).contains("Usage: ewn " + path);
        }
    }

    @Test
    void theJarRunsTheClientOnlyForItsCommands() {
        assertThat(Ewn.handles("pki", "root", "--out", "root.p12")).isTrue();
        assertThat(Ewn.handles("verify-receipt")).isTrue();
        assertThat(Ewn.handles("network", "found")).isTrue();
        assertThat(Ewn.handles()).isFalse();
        assertThat(Ewn.handles("--server.port=8081")).isFalse();
        assertThat(Ewn.handles("--help")).isFalse();
        assertThat(Ewn.handles("serve")).isFalse();
        assertThat(Ewn.handles("help")).isTrue();
    }

    /** {@code bin/ewn} with no arguments, {@code -h} or {@code --help} asks for this, rather than start a hub. */
    @Test
    void helpListsTheCommandsAndHelpOnACommandDescribesIt() {
        Terminal.Result all = new Terminal().run("help");
        Terminal.Result one = new Terminal().run("help", "submit");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).startsWith("Usage: ewn").contains("submit", "verify-receipt", "alert", "audit");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).startsWith("Usage: ewn submit");
    }

    private static void collect(CommandLine command, List<String> prefix, List<String> paths) {
        for (var entry : command.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            paths.add(String.join(" ", path));
            collect(entry.getValue(), path, paths);
        }
    }
}
