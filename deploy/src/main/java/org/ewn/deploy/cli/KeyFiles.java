package org.ewn.deploy.cli;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyStores;
import org.ewn.trust.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The files the client reads and writes: password-protected PKCS#12 key stores, PEM certificates, envelopes.
 * A key store password comes from the environment variable the user names, or from the terminal; it is never
 * printed and is wiped from memory once used.
 */
final class KeyFiles {

    static final String DEFAULT_PASSWORD_VARIABLE = "EWN_KEYSTORE_PASSWORD";
    static final String ROOT = "root";
    static final String CA = "ca";
    static final String SIGNING = "signing";
    static final String ENCRYPTION = "encryption";
    static final String HUB = "hub";

    private final CliEnvironment environment;

    KeyFiles(CliEnvironment environment) {
        this.environment = environment;
    }

    Map<String, IssuedKey> open(Path file, String passwordVariable) {
        requireFile(file);
        char[] password = password(passwordVariable, file, false);
        try {
            return KeyStores.load(file, password);
        } catch (IOException e) {
            throw new CliFailure(ErrorHandlers.describe(e), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    IssuedKey open(Path file, String alias, String passwordVariable) {
        return entry(file, open(file, passwordVariable), alias);
    }

    static IssuedKey entry(Path file, Map<String, IssuedKey> entries, String alias) {
        IssuedKey key = entries.get(alias);
        if (key == null) {
            throw new CliFailure("key store " + file + " has no alias \"" + alias + "\"; it holds " + entries.keySet());
        }
        return key;
    }

    /** Writes a new key store; an existing file is never replaced. */
    void create(Path file, String passwordVariable, Map<String, IssuedKey> entries) {
        requireAbsent(file);
        char[] password = password(passwordVariable, file, true);
        try {
            KeyStores.save(file, password, entries, false, environment.keystoreIterations());
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + ErrorHandlers.describe(e), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The certificate in a PEM file (the first one), or the one under {@code alias} in a key store. */
    X509Certificate certificate(Path file, String alias, String passwordVariable) {
        byte[] content = read(file);
        if (isPem(content)) {
            return certificates(file, new String(content, StandardCharsets.US_ASCII)).get(0);
        }
        return open(file, alias, passwordVariable).certificate();
    }

    /** Every certificate of a PEM file, in order. */
    List<X509Certificate> certificates(Path file) {
        return certificates(file, readText(file));
    }

    /** A file's text, or standard input for "-". */
    String readText(Path file) {
        if (file.toString().equals("-")) {
            try {
                return new String(environment.stdin().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliFailure("cannot read standard input: " + e.getMessage(), e);
            }
        }
        return new String(read(file), StandardCharsets.UTF_8);
    }

    static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + ErrorHandlers.describe(e), e);
        }
    }

    static void requireAbsent(Path file) {
        if (Files.exists(file)) {
            throw new CliFailure(file + " already exists; move it away or choose another file (nothing is ever "
                    + "overwritten)");
        }
    }

    private static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new CliFailure("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new CliFailure(file + " is a directory, not a file");
        }
    }

    private static byte[] read(Path file) {
        requireFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + ErrorHandlers.describe(e), e);
        }
    }

    /** Whether the file holds PEM text rather than a (binary) key store. */
    static boolean isPem(Path file) {
        return isPem(read(file));
    }

    private static boolean isPem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 100), StandardCharsets.US_ASCII).strip()
                .startsWith("-----BEGIN");
    }

    private static List<X509Certificate> certificates(Path file, String pem) {
        return pemCertificates(pem, file.toString());
    }

    /** The certificates of a PEM text, such as the chain the hub publishes. */
    static List<X509Certificate> pemCertificates(String pem, String what) {
        try {
            return Pem.readCertificates(pem);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(what + " holds no readable PEM certificate: " + e.getMessage(), e);
        }
    }

    private char[] password(String variable, Path file, boolean creating) {
        String value = environment.variable(variable);
        if (value != null) {
            if (value.isEmpty()) {
                throw new CliFailure("the environment variable " + variable + " is empty; it must hold the password"
                        + " of the key store " + file);
            }
            return value.toCharArray();
        }
        if (environment.prompt() == null) {
            throw new CliFailure("no password for the key store " + file + ": set the environment variable "
                    + variable + ", or run in a terminal to be asked");
        }
        char[] password = ask((creating ? "Password for the new key store " : "Password for the key store ")
                + file + ": ");
        if (creating) {
            char[] again = ask("The same password again: ");
            boolean same = Arrays.equals(password, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(password, '\0');
                throw new CliFailure("the two passwords for " + file + " differ; nothing was written");
            }
        }
        return password;
    }

    private char[] ask(String question) {
        char[] answer = environment.prompt().ask(question);
        if (answer == null || answer.length == 0) {
            throw new CliFailure("no password given");
        }
        return answer;
    }
}
