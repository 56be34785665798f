package org.ewn.deploy.cli;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;

/** What the pki commands say about a key they issued; never anything secret. */
final class Issued {

    private Issued() {
    }

    static void print(CommandSpec spec, Path file, String alias, IssuedKey key, Validity validity) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("created " + file + " (alias " + alias + "): " + Certificates.subject(key.certificate())
                + ", issued by " + Certificates.issuer(key.certificate()) + ", " + Validity.describe(key.certificate())
                + (validity.capped() ? " (cut to the end of its issuer)" : ""));
        printKey(out, alias, key);
    }

    static void printKey(PrintWriter out, String alias, IssuedKey key) {
        out.println("  " + alias + ": " + KeyKind.of(key.certificate().getPublicKey()) + " key, kid "
                + KeyIds.of(key.certificate().getPublicKey()));
    }
}
