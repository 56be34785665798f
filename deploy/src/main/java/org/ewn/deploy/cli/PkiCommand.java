package org.ewn.deploy.cli;

import picocli.CommandLine.Command;

/** The network's key and certificate chain: root, member CAs, agencies, administrators and the hub. */
@Command(name = "pki", description = "Create the network's keys and certificates, or show a key store. "
        + "The root certifies member CAs, the hub and the network's administrators; a member CA certifies its "
        + "agencies.",
        subcommands = {PkiRoot.class, PkiMemberCa.class, PkiAgency.class, PkiAdministrator.class, PkiHub.class,
                PkiShow.class})
final class PkiCommand {
}
