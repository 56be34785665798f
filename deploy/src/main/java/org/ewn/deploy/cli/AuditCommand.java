package org.ewn.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "audit", description = "Check the hub's transparency log: signed tree heads over the whole event log "
        + "(RFC 9162), the inclusion of an event, and that the log only ever grew.",
        subcommands = {AuditTreeHeadCommand.class, AuditProveCommand.class, AuditExportCommand.class,
                AuditVerifyCommand.class, AuditAsOfCommand.class})
final class AuditCommand {
}
