package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.protect.DataProtectionException;
import org.ewn.protect.LocalMasterKey;
import org.ewn.protect.MasterKey;
import org.ewn.protect.MasterKeys;
import org.ewn.protect.SubjectKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "subject", description = "Erase a data subject's personal data; rotate the master key that wraps the "
        + "subjects' keys.", subcommands = {SubjectCommand.Erase.class, SubjectCommand.RotateMasterKey.class})
final class SubjectCommand {

    @Command(name = "erase", description = "Erase a person (" + SubmissionTypes.SUBJECT_ERASE + "): the hub destroys "
            + "every key of the subject, so its personal data shows as erased everywhere. Signed by a network "
            + "administrator, or an administrator agency of the member that first recorded the subject.")
    static final class Erase implements Callable<Integer> {

        @Option(names = "--subject", required = true, paramLabel = "ID", description = "The subject's id.")
        UUID subject;

        @Option(names = "--legal-basis", required = true, paramLabel = "TEXT", description = "Why, such as "
                + "\"GDPR Art. 17(1)(a), request ref. 2026-118\"; recorded for auditors, so no personal data in it.")
        String legalBasis;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            ObjectNode body = Json.object().put("subject", subject.toString()).put("legalBasis", legalBasis);
            return hub.submit(signer.sign(SubmissionTypes.SUBJECT_ERASE, body));
        }
    }

    @Command(name = "rotate-master-key", description = "With the hub stopped: make a new master key, rewrap every "
            + "subject key under it and destroy the old one. No event changes. For a master key given in the "
            + "environment, set the new one in EWN_PROTECTION_MASTER_KEY and the old one in "
            + "EWN_PROTECTION_PREVIOUS_MASTER_KEYS instead: the hub rewraps at start-up.")
    static final class RotateMasterKey implements Callable<Integer> {

        @Option(names = "--master-key-file", paramLabel = "FILE", defaultValue = "data/keys/master.key",
                description = "The master key file (default: ${DEFAULT-VALUE}).")
        Path masterKeyFile;

        @Option(names = "--key-dir", paramLabel = "DIR", defaultValue = "data/keys/subjects",
                description = "The subject key directory (default: ${DEFAULT-VALUE}).")
        Path keyDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(masterKeyFile)) {
                throw new CliFailure("no master key file at " + masterKeyFile);
            }
            Path old = MasterKeys.previousFile(masterKeyFile);
            Path fresh = masterKeyFile.resolveSibling(masterKeyFile.getFileName() + ".new");
            try {
                if (Files.exists(old)) {
                    throw new CliFailure(old + " exists: an earlier rotation did not finish; start the hub once to "
                            + "finish it, then rotate again");
                }
                Files.deleteIfExists(fresh);
                MasterKey next = LocalMasterKey.generate(fresh);
                MasterKey previous = LocalMasterKey.read(masterKeyFile);
                Files.move(masterKeyFile, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, masterKeyFile, StandardCopyOption.ATOMIC_MOVE);
                int rewrapped = new SubjectKeyStore(keyDir, next, List.of(previous)).rewrap();
                MasterKeys.destroy(old);
                spec.commandLine().getOut().println("master key " + previous.id() + " replaced by " + next.id()
                        + "; subject keys rewrapped: " + rewrapped);
                return 0;
            } catch (DataProtectionException | java.io.IOException e) {
                throw new CliFailure("rotation failed: " + e.getMessage(), e);
            }
        }
    }
}
