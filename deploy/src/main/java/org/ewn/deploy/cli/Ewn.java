package org.ewn.deploy.cli;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ewn}, the network's command-line client: an administrator sets up a network from nothing, an agency
 * signs and submits, anyone verifies envelopes and receipts. The network's jar runs it when its first argument
 * is one of the commands here, without starting the hub.
 */
@Command(name = "ewn", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Ewn.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"The Early-Warning Network's command-line client: keys and certificates, signed submissions, "
                + "receipts. Key store passwords come from the environment variable named by --password-env "
                + "(default " + KeyFiles.DEFAULT_PASSWORD_VARIABLE + ") or, in a terminal, from a prompt.",
                "",
                "Set up a network: pki root, pki hub, pki administrator, then network found (the hub configured "
                        + "with the root's fingerprint). Admit a member: pki member-ca, member admit. Add an agency: "
                        + "pki agency, agency register, key enrol (signing and encryption)."},
        subcommands = {PkiCommand.class, SignCommand.class, SubmitCommand.class, ResubmitCommand.class,
                VerifyCommand.class, VerifyReceiptCommand.class, NetworkCommand.class, MemberCommand.class,
                AgencyCommand.class, KeyCommand.class, GroupCommand.class, AlertCommand.class, SubjectCommand.class,
                TransferCommand.class, ReferralCommand.class, AuditCommand.class, HelpCommand.class})
public final class Ewn {

    private Ewn() {
    }

    /** Whether the arguments ask for the client rather than the hub: the first is one of its commands. */
    public static boolean handles(String... args) {
        return args.length > 0 && commandNames().contains(args[0]);
    }

    /** Runs the client on the real environment and terminal; returns the exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String... args) {
        CommandLine commandLine = commandLine(CliEnvironment.system());
        try {
            return commandLine.execute(args);
        } finally {
            // the jar's main exits right after: nothing printed may stay in a buffer
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    static CommandLine commandLine(CliEnvironment environment) {
        ErrorHandlers errors = new ErrorHandlers();
        CommandLine commandLine = new CommandLine(new Ewn(), new CliFactory(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .registerConverter(MemberCode.class, converter(MemberCode::new))
                .registerConverter(AgencyCode.class, converter(AgencyCode::new))
                .registerConverter(GroupCode.class, converter(GroupCode::new));
        return commandLine;
    }

    /** The top-level command names and aliases, read from the annotations without building the whole model. */
    static Set<String> commandNames() {
        Set<String> names = new HashSet<>();
        for (Class<?> subcommand : Ewn.class.getAnnotation(Command.class).subcommands()) {
            Command command = subcommand.getAnnotation(Command.class);
            names.add(command.name());
            names.addAll(Set.of(command.aliases()));
        }
        return names;
    }

    /** Turns a value type's own validation message into a usage error that names the option. */
    private static <T> ITypeConverter<T> converter(Function<String, T> constructor) {
        return value -> {
            try {
                return constructor.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = Ewn.class.getPackage().getImplementationVersion();
            return new String[] {"ewn " + (version == null ? "(development build)" : version)};
        }
    }
}
